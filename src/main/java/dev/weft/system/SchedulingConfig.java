package dev.weft.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled batch writes (usage counts) run on a platform thread, so the OS interleaves them with request
 * handling; on a virtual thread a long CPU-bound flush could hold the only carrier of a one-core machine.
 * Two threads, so a long usage fold or expiry sweep does not hold back the usage flush.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfig {

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("weft-scheduled-");
        return scheduler;
    }
}
