package org.pipelinecrm.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Locale;
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
        return signUp(cmd, Locale.ENGLISH);
    }

    /**
     * A workspace signed up in Persian starts Persian: rials, Tehran's time zone, the Solar Hijri year, its
     * pipeline named in Persian and its admin reading Persian; otherwise dollars and UTC.
     */
    public Result signUp(SignupCmd cmd, Locale language) {
        boolean persian = "fa".equals(language.getLanguage());
        long[] userId = new long[1];
        long workspaceId = workspaces.create(
                cmd.workspaceName().trim(),
                persian ? Currency.IRR : Currency.USD,
                ZoneId.of(persian ? "Asia/Tehran" : "UTC"),
                persian ? Locale.forLanguageTag("fa") : Locale.ENGLISH,
                tenant -> {
                    userId[0] = people.addUser(cmd.email(), cmd.name(), cmd.password(), Role.ADMIN, null)
                            .id();
                    people.preferLocale(userId[0], persian ? "fa" : "en");
                });
        return new Result(workspaceId, userId[0]);
    }

    public record SignupCmd(
            @NotBlank @Size(max = 120) String workspaceName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 120) String name) {}

    public record Result(long workspaceId, long userId) {}
}
