package org.pipelinecrm.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams of the current workspace. */
@Service
@Transactional(readOnly = true)
public class People {

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwords;
    private final OpenSessions sessions;
    private final SignInDelays delays;
    private final JdbcClient jdbc;

    People(
            AppUserRepository users,
            TeamRepository teams,
            PasswordEncoder passwords,
            OpenSessions sessions,
            SignInDelays delays,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
        this.sessions = sessions;
        this.delays = delays;
    }

    public List<UserSummary> users() {
        return users.findAllByOrderByNameAsc().stream().map(AppUser::toSummary).toList();
    }

    public Optional<UserSummary> findUser(long id) {
        return users.findById(id).map(AppUser::toSummary);
    }

    public UserSummary user(long id) {
        return findUser(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    /**
     * A person who may be given a record to own: anyone of the workspace but a former rep of an imported
     * history, who keeps the records they owned but takes no new ones (400 on {@code ownerId}).
     */
    public UserSummary owner(long id) {
        UserSummary user = user(id);
        if (user.former()) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "ownerId", "problem.field.former-owner", "ownerId: a former rep takes no new records");
        }
        return user;
    }

    /** The ids of the workspace's former reps, as text (as dashboards key their rows by person), to mark them. */
    public java.util.Set<String> formerIds() {
        return users.findAll().stream()
                .filter(AppUser::isFormer)
                .map(u -> String.valueOf(u.getId()))
                .collect(Collectors.toSet());
    }

    /** Names by id, for lists that show owners. */
    public Map<Long, String> userNames() {
        return users.findAll().stream()
                .collect(Collectors.toMap(AppUser::getId, u -> u.toSummary().name()));
    }

    public List<TeamSummary> teams() {
        return teams.findAllByOrderByNameAsc().stream().map(Team::toSummary).toList();
    }

    public Map<Long, TeamSummary> teamsById() {
        return teams().stream().collect(Collectors.toMap(TeamSummary::id, Function.identity()));
    }

    public TeamSummary team(long id) {
        return teams.findById(id).map(Team::toSummary).orElseThrow(() -> new NotFoundException("Team", id));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public TeamSummary createTeam(String name) {
        return saveTeam(new Team(name));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public TeamSummary renameTeam(long id, String name, long version) {
        Team team = teams.findById(id).orElseThrow(() -> new NotFoundException("Team", id));
        checkVersion(team.toSummary().version(), version, Team.class, id);
        team.rename(name);
        return saveTeam(team);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary createUser(String email, String name, String password, Role role, Long teamId) {
        return addUser(email, name, password, role, teamId);
    }

    /**
     * A former rep, for the owner name of an imported history that nobody here has: inactive, without a
     * password, shown as a former rep. Importers (managers) may add them; they give nobody access.
     */
    @Transactional
    public UserSummary createFormer(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "name", "problem.field.invalid-value", "name: between 1 and 120 characters");
        }
        return users.saveAndFlush(AppUser.former(trimmed)).toSummary();
    }

    /** For sign-up and the demo workspace, where the first admin does not exist yet. */
    @Transactional
    UserSummary addUser(String email, String name, String password, Role role, Long teamId) {
        if (teamId != null) {
            team(teamId);
        }
        try {
            AppUser user = users.saveAndFlush(new AppUser(email, name, passwords.encode(password), role, teamId));
            // the e-mail's one row across all workspaces: a second workspace's claim on it fails here
            jdbc.sql("insert into login_email (email, workspace_id, user_id) values (lower(?), ?, ?)")
                    .param(email)
                    .param(user.getTenantId())
                    .param(user.getId())
                    .update();
            return user.toSummary();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("user.emailTaken", "That e-mail address already has an account");
        }
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary changeUser(
            long id, String name, Role role, Long teamId, boolean active, long version, Actor by) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        checkVersion(user.getVersion(), version, AppUser.class, id);
        if (teamId != null) {
            team(teamId);
        }
        if (by.id() == id && (role != Role.ADMIN || !active)) {
            throw new ConflictException("user.cannotDemoteSelf", "You cannot remove your own admin rights");
        }
        if (user.isFormer() && active) {
            throw new ConflictException(
                    "user.formerCannotSignIn", "A former rep of an imported history cannot sign in");
        }
        UserSummary before = user.toSummary();
        user.rename(name);
        user.assign(role, teamId);
        if (active) {
            user.reactivate();
        } else {
            user.deactivate();
        }
        UserSummary after = users.saveAndFlush(user).toSummary();
        if (before.role() != role || !java.util.Objects.equals(before.teamId(), teamId) || before.active() != active) {
            // a session keeps the rights it signed in with: end them all, so the next sign-in reads the new ones
            sessions.endAll(after.email());
        }
        return after;
    }

    /** Lifts the sign-in delay that failed passwords put on a person. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void unlockSignIn(long id) {
        delays.unlock(user(id).email());
    }

    /** How long a person's sign-in is still delayed by failed passwords, if it is. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<java.time.Duration> signInDelay(long id) {
        return delays.accountWait(user(id).email());
    }

    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, Actor of) {
        AppUser user = users.findById(of.id()).orElseThrow();
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new ConflictException("password.wrongCurrent", "The current password is not right");
        }
        user.changePassword(passwords.encode(newPassword));
        // whoever else holds a session or a remember-me token of this person signed in with the old password
        sessions.endAllButCurrent(user.toSummary().email());
    }

    /** The start page this person chose, empty when they left it to their role. */
    public java.util.Optional<StartPage> chosenStartPage(long userId) {
        return users.findById(userId).map(AppUser::getStartPage);
    }

    /** Where signing in lands the person: their choice, or where their role works. */
    public StartPage startPage(long userId, Role role) {
        return chosenStartPage(userId).orElse(StartPage.forRole(role));
    }

    /** The person's choice of start page; null leaves it to their role. */
    @Transactional
    public void preferStartPage(StartPage page, Actor of) {
        users.findById(of.id()).ifPresent(u -> u.preferStartPage(page));
    }

    /** The language the person reads the product in. */
    @Transactional
    public void preferLocale(Actor of, String locale) {
        preferLocale(of.id(), locale);
    }

    @Transactional
    void preferLocale(long userId, String locale) {
        users.findById(userId).ifPresent(u -> u.preferLocale(locale));
    }

    private TeamSummary saveTeam(Team team) {
        try {
            return teams.saveAndFlush(team).toSummary();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("team.nameTaken", "A team with that name exists already");
        }
    }

    private static void checkVersion(long actual, long expected, Class<?> type, long id) {
        if (actual != expected) {
            throw new ObjectOptimisticLockingFailureException(type, id);
        }
    }
}
