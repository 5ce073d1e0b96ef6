package dev.weft.dashboard;

import dev.weft.accounts.WeftUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page may show: the logged-in user, and dates as people read them. */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

    @ModelAttribute("currentUser")
    WeftUser currentUser(@CurrentUser WeftUser user) {
        return user;
    }

    /** Dates on dashboard pages ({@code @dates.show(...)}): minute precision, UTC. */
    @Component("dates")
    static class DisplayDates {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        public String show(Instant instant) {
            return instant == null ? "Never" : FORMAT.format(instant);
        }
    }
}
