package org.pipelinecrm.lead;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserSummary;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current workspace's choice of team and owner for leads from its public web form. */
@Service
@Transactional(readOnly = true)
public class WebFormRoutes {

    private final WebFormRoutingRepository routing;
    private final People people;

    WebFormRoutes(WebFormRoutingRepository routing, People people) {
        this.routing = routing;
        this.people = people;
    }

    public WebFormRoute current() {
        return routing.findFirstBy().map(WebFormRouting::toRoute).orElse(WebFormRoute.NONE);
    }

    /**
     * Keeps a new route: the team must exist, the owner must be active and, with a team, belong to it
     * ({@link InvalidRouteException} otherwise); a stale version is refused.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WebFormRoute change(WebFormRoute route) {
        check(route);
        WebFormRouting current = routing.findFirstBy().orElseGet(WebFormRouting::new);
        if (current.id != null && current.version != route.version()) {
            throw new ObjectOptimisticLockingFailureException(WebFormRouting.class, current.id);
        }
        current.teamId = route.teamId();
        current.ownerId = route.ownerId();
        routing.saveAndFlush(current);
        return current.toRoute();
    }

    private void check(WebFormRoute route) {
        if (route.teamId() != null && !people.teamsById().containsKey(route.teamId())) {
            throw new InvalidRouteException("webform.route.unknownTeam");
        }
        if (route.ownerId() != null) {
            UserSummary owner = people.findUser(route.ownerId())
                    .orElseThrow(() -> new InvalidRouteException("webform.route.unknownOwner"));
            if (!owner.active()) {
                throw new InvalidRouteException("webform.route.inactiveOwner");
            }
            if (route.teamId() != null && !route.teamId().equals(owner.teamId())) {
                throw new InvalidRouteException("webform.route.ownerNotInTeam");
            }
        }
    }

    /**
     * Team and owner for a lead arriving now. People change after the setting was saved: an owner who was
     * deactivated or moved to another team since is skipped, so the lead still reaches the team; with an owner
     * but no team, the lead joins the owner's team.
     */
    WebFormRoute forNewLead() {
        WebFormRoute route = current();
        Optional<UserSummary> owner = Optional.ofNullable(route.ownerId())
                .flatMap(people::findUser)
                .filter(UserSummary::active)
                .filter(u -> route.teamId() == null || Objects.equals(route.teamId(), u.teamId()));
        Long team = route.teamId() != null
                ? route.teamId()
                : owner.map(UserSummary::teamId).orElseGet(this::marketingTeam);
        return new WebFormRoute(team, owner.map(UserSummary::id).orElse(null), route.version());
    }

    /**
     * Where a web-form lead goes when the workspace chose no team: the marketing team — the team most of its active
     * marketers belong to (the lowest id on a tie) — so the lead reaches marketers rather than nobody. Empty only
     * in a workspace whose marketers have no team (then managers and admins still see it).
     */
    Long marketingTeam() {
        return people.users().stream()
                .filter(u -> u.active() && u.role() == Role.MARKETER && u.teamId() != null)
                .collect(Collectors.groupingBy(UserSummary::teamId, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
