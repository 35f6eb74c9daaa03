package org.gongjian.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.gongjian.identity.Groups;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs people into Gongjian's pages with their Camunda user and password; their Camunda
 * groups become authorities ({@code GROUP_<id>}), membership of {@code camunda-admin} also
 * {@link #ADMIN}.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

    static final String ADMIN = "ROLE_ADMIN";

    private final IdentityService identity;

    CamundaUserAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        Object password = login.getCredentials();
        if (user == null || user.isBlank() || password == null || !identity.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        identity.createGroupQuery().groupMember(user).list().forEach(group -> {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group.getId()));
            if (Groups.ADMIN.equals(group.getId())) {
                authorities.add(new SimpleGrantedAuthority(ADMIN));
            }
        });
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
