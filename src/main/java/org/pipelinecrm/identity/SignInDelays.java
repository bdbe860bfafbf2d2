package org.pipelinecrm.identity;

import java.time.Duration;
import java.util.Optional;
import org.pipelinecrm.shared.CrmSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed passwords slow sign-in down instead of locking anyone out: past a few failures for an account
 * (or an address), each further attempt waits a delay that doubles with every failure, up to a cap. An
 * attempt during the delay is refused without checking the password, so a guesser gets one try per delay
 * while the right password works as soon as it is over. Kept in PostgreSQL (a global table, measured by
 * the database's clock), so every app instance sees the same delay; an hour without failures forgets them.
 */
@Component
public class SignInDelays {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Rule account;
    private final Rule address;

    SignInDelays(JdbcClient jdbc, CrmSettings settings) {
        var login = settings.login();
        this.jdbc = jdbc;
        this.account =
                new Rule(login.freeFailuresPerAccount(), login.firstDelayPerAccount(), login.maxDelayPerAccount());
        this.address =
                new Rule(login.freeFailuresPerAddress(), login.firstDelayPerAddress(), login.maxDelayPerAddress());
    }

    /** How long this account, or this address, must still wait before its next attempt; empty when it may try now. */
    public Optional<Duration> waitBefore(String email, String remoteAddress) {
        Duration wait = max(remaining(addressKey(remoteAddress), address), remaining(accountKey(email), account));
        return (!wait.isNegative() && !wait.isZero()) ? Optional.of(wait) : Optional.empty();
    }

    /** Counts a wrong password; answers true when this failure is the one that starts the account's delays. */
    public boolean recordFailure(String email, String remoteAddress) {
        count(addressKey(remoteAddress));
        return count(accountKey(email)) == account.free() + 1;
    }

    /** The right password: the account starts afresh (its address does not, or a guesser could reset it). */
    public void recordSuccess(String email) {
        unlock(email);
    }

    /** Lifts an account's delay (an admin, or the person through an unlock link). */
    public void unlock(String email) {
        jdbc.sql("delete from sign_in_delay where key = ?")
                .param(accountKey(email))
                .update();
    }

    /** How long the account must still wait, for the users page. */
    public Optional<Duration> accountWait(String email) {
        Duration wait = remaining(accountKey(email), account);
        return (!wait.isNegative() && !wait.isZero()) ? Optional.of(wait) : Optional.empty();
    }

    /** Forgets failures older than an hour; answers how many rows went. */
    public int forgetOld() {
        return jdbc.sql("delete from sign_in_delay where last_failure_at < now() - make_interval(secs => ?)")
                .param(FORGET_AFTER.toSeconds())
                .update();
    }

    private int count(String key) {
        return jdbc.sql("""
                insert into sign_in_delay (key, failures, last_failure_at) values (:key, 1, now())
                on conflict (key) do update set last_failure_at = now(), failures = case
                  when sign_in_delay.last_failure_at < now() - make_interval(secs => :forget) then 1
                  else sign_in_delay.failures + 1 end
                returning failures""")
                .param("key", key)
                .param("forget", FORGET_AFTER.toSeconds())
                .query(Integer.class)
                .single();
    }

    private Duration remaining(String key, Rule rule) {
        return jdbc.sql("""
                select failures, extract(epoch from now() - last_failure_at) * 1000 from sign_in_delay
                where key = ? and last_failure_at >= now() - make_interval(secs => ?)""")
                .param(key)
                .param(FORGET_AFTER.toSeconds())
                .query((rs, n) -> rule.delayAfter(rs.getInt(1)).minusMillis(rs.getLong(2)))
                .optional()
                .orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String email) {
        return "account:" + String.valueOf(email).trim().toLowerCase();
    }

    private static String addressKey(String remoteAddress) {
        return "address:" + (remoteAddress == null ? "unknown" : remoteAddress);
    }

    /** The first {@code free} failures cost nothing; the next ones wait first, 2×first, 4×first … up to max. */
    private record Rule(int free, Duration first, Duration max) {

        Duration delayAfter(int failures) {
            if (failures <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free - 1, 30);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }
}
