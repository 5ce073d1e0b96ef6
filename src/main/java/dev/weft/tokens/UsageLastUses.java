package dev.weft.tokens;

import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import org.springframework.stereotype.Component;

/** {@link LastUses} from the usage capability, including uses not yet written. */
@Component
class UsageLastUses implements LastUses {

    private final UsageService usage;

    UsageLastUses(UsageService usage) {
        this.usage = usage;
    }

    @Override
    public java.time.Instant lastUse(String tokenId) {
        Usage.LastUse last = usage.lastUse(tokenId);
        return last == null ? null : last.at();
    }
}
