package dev.weft.tokens;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every revocation of a credential (site token, app token) must do besides its own database write:
 * tell the other nodes (PostgreSQL NOTIFY in the revoking transaction) and evict the token from this node's
 * verification cache when the transaction commits, so no node trusts it afterwards.
 */
@Component
public class TokenRevocations {

    private final TokenVerifier verifier;
    private final RevocationNotices notices;

    TokenRevocations(TokenVerifier verifier, RevocationNotices notices) {
        this.verifier = verifier;
        this.notices = notices;
    }

    /** Call inside the transaction that revoked the token whose stored digest is {@code digest}. */
    public void revoked(String digest) {
        notices.announce(digest);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    verifier.evict(digest);
                }
            });
        } else {
            verifier.evict(digest);
        }
    }
}
