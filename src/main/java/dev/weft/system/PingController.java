package dev.weft.system;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ping}: a liveness answer that does no work, for load balancers and as the benchmark's
 * measure of what the HTTP stack alone costs.
 */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping("/ping")
    Map<String, String> ping() {
        return PONG;
    }
}
