package org.pipelinecrm.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.ApiTokenSummary;
import org.pipelinecrm.identity.ApiTokens;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.identity.Signup.SignupCmd;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.shared.TooManyRequestsException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workspaces and people in the public API. */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

    private final Signup signup;
    private final SignupGate gate;
    private final People people;
    private final ApiTokens tokens;

    IdentityApi(Signup signup, SignupGate gate, People people, ApiTokens tokens) {
        this.signup = signup;
        this.gate = gate;
        this.people = people;
        this.tokens = tokens;
    }

    @PostMapping("/signup")
    ResponseEntity<?> signUp(@Valid @RequestBody SignupCmd cmd, HttpServletRequest request) {
        gate.checkOpen();
        if (!gate.admit(request)) {
            throw new TooManyRequestsException("Too many sign-ups from this address; try again later");
        }
        // the language the caller asks for (Accept-Language), else the one it chose on the site
        Locale language =
                request.getHeader("Accept-Language") != null ? request.getLocale() : LocaleContextHolder.getLocale();
        return ResponseEntity.status(HttpStatus.CREATED).body(signup.signUp(cmd, language));
    }

    @GetMapping("/me")
    Me me() {
        CrmUser me = CurrentUser.get();
        return new Me(me.id(), me.email(), me.name(), me.role(), me.tenantId(), me.teamId());
    }

    @GetMapping("/teams")
    List<TeamSummary> teams() {
        return people.teams();
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamSummary createTeam(@Valid @RequestBody TeamCmd cmd) {
        return people.createTeam(cmd.name());
    }

    @GetMapping("/users")
    List<UserSummary> users() {
        return people.users();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserSummary createUser(@Valid @RequestBody NewUserCmd cmd) {
        return people.createUser(cmd.email(), cmd.name(), cmd.password(), cmd.role(), cmd.teamId());
    }

    @GetMapping("/users/{id}")
    UserSummary user(@PathVariable long id) {
        return people.user(id);
    }

    @PatchMapping("/users/{id}")
    UserSummary changeUser(@PathVariable long id, @Valid @RequestBody ChangeUserCmd cmd) {
        UserSummary current = people.user(id);
        return people.changeUser(
                id,
                cmd.name() != null ? cmd.name() : current.name(),
                cmd.role() != null ? cmd.role() : current.role(),
                cmd.teamId() != null ? cmd.teamId() : current.teamId(),
                cmd.active() != null ? cmd.active() : current.active(),
                cmd.version(),
                CurrentUser.actor());
    }

    /** Lifts the delay that failed passwords put on a person's sign-in (admins). */
    @PostMapping("/users/{id}/unlock")
    ResponseEntity<Void> unlockUser(@PathVariable long id) {
        people.unlockSignIn(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    List<ApiTokenSummary> myTokens() {
        return tokens.mine(CurrentUser.actor());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.IssuedToken issueToken(@Valid @RequestBody TeamCmd cmd) {
        return tokens.issue(cmd.name(), CurrentUser.actor());
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(id, CurrentUser.actor());
        return ResponseEntity.noContent().build();
    }

    record Me(long userId, String email, String name, Role role, long workspaceId, Long teamId) {}

    record TeamCmd(@NotBlank @Size(max = 80) String name) {}

    record NewUserCmd(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotNull Role role,
            Long teamId) {}

    record ChangeUserCmd(
            @Size(min = 1, max = 120) String name,
            Role role,
            Long teamId,
            Boolean active,
            @NotNull Long version) {}
}
