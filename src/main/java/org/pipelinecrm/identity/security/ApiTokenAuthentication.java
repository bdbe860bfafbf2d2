package org.pipelinecrm.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.UserLookup;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** {@code Authorization: Bearer pcrm_…}: a personal API token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;

    private ApiTokenAuthentication(String token) {
        super(java.util.List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    static AuthenticationConverter converter() {
        return (HttpServletRequest request) -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return new ApiTokenAuthentication(header.substring(7).trim());
        };
    }

    static AuthenticationProvider provider(UserLookup users) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String token = (String) authentication.getCredentials();
                CrmUser user =
                        users.findByToken(token).orElseThrow(() -> new BadCredentialsException("Unknown API token"));
                if (!user.isEnabled()) {
                    throw new DisabledException("The token's owner is deactivated");
                }
                user.eraseCredentials();
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> type) {
                return ApiTokenAuthentication.class.isAssignableFrom(type);
            }
        };
    }
}
