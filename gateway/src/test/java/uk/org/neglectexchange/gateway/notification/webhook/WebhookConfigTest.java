package uk.org.neglectexchange.gateway.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The defaults hold together without any property set (a broken mapping would stop the gateway starting). */
class WebhookConfigTest {

    @Test
    void defaults() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(WebhookConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // as Quarkus reads "10s"
                .build();
        WebhookConfig webhooks = config.getConfigMapping(WebhookConfig.class);
        assertEquals(Optional.empty(), webhooks.allowedNetworks());
        assertFalse(webhooks.allowPlainHttp());
        assertEquals(Duration.ofSeconds(10), webhooks.timeout());
        assertEquals(65536, webhooks.maxResponseBytes());
        assertEquals(2000, webhooks.maxUrlLength());
        assertEquals(64, webhooks.maxInFlight());
        assertEquals(0.2, webhooks.jitter());
        assertEquals(Duration.ofSeconds(1), webhooks.pollInterval());
        assertEquals(Duration.ofDays(3), webhooks.disableAfter());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), webhooks.retrySchedule());
    }
}
