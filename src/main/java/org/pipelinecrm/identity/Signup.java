package org.pipelinecrm.identity;

import java.time.ZoneId;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.tenant.Currency;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.stereotype.Service;

/** Self-service sign-up: a new workspace with its first admin (and, through events, its defaults). */
@Service
public class Signup {

    private final Workspaces workspaces;
    private final People people;

    Signup(Workspaces workspaces, People people) {
        this.workspaces = workspaces;
        this.people = people;
    }

    public Result signUp(SignupCmd cmd) {
        long[] userId = new long[1];
        long workspaceId = workspaces.create(cmd.workspaceName().trim(), Currency.USD, ZoneId.of("UTC"),
                tenant -> userId[0] = people.addUser(cmd.email(), cmd.name(), cmd.password(), Role.ADMIN, null).id());
        return new Result(workspaceId, userId[0]);
    }

    public record SignupCmd(
            @NotBlank @Size(max = 120) String workspaceName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 120) String name) {
    }

    public record Result(long workspaceId, long userId) {
    }
}
