package org.pipelinecrm.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens of the signed-in user. */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    static final String PREFIX = "pcrm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;

    ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc) {
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public List<ApiTokenSummary> mine(Actor of) {
        return tokens.findByUserIdOrderByCreatedAtDesc(of.id()).stream()
                .map(ApiToken::toSummary)
                .toList();
    }

    /** Creates a token of {@code of} and returns it in clear, the only time it is ever seen. */
    @Transactional
    public IssuedToken issue(String name, Actor of) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.saveAndFlush(new ApiToken(of.id(), name, hash(token)));
        jdbc.sql("insert into api_token_hash (token_hash, workspace_id, token_id) values (?, ?, ?)")
                .param(hash(token))
                .param(saved.getTenantId())
                .param(saved.getId())
                .update();
        return new IssuedToken(saved.getId(), saved.toSummary().name(), token);
    }

    @Transactional
    public void revoke(long id, Actor of) {
        ApiToken token = tokens.findByIdAndUserId(id, of.id()).orElseThrow(() -> new NotFoundException("Token", id));
        jdbc.sql("delete from api_token_hash where workspace_id = ? and token_id = ?")
                .param(token.getTenantId())
                .param(token.getId())
                .update();
        tokens.delete(token);
    }

    /** Tokens are long and random, so a fast hash is enough; it lets a token be found by its hash. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedToken(long id, String name, String token) implements java.io.Serializable {}
}
