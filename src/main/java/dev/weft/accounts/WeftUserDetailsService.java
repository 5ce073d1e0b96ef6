package dev.weft.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads dashboard users by email for form login. */
@Component
class WeftUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    WeftUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        try {
            return accounts.credentials(email)
                    .map(c -> new WeftUser(c.user().id(), c.user().email(), c.user().displayName(), c.passwordHash()))
                    .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        } catch (AccountException e) {
            throw new UsernameNotFoundException("invalid email");
        }
    }
}
