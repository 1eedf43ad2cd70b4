package dev.ganstudio.app;

import dev.ganstudio.core.metrics.HealthWarning;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthFeedTest {
    private static HealthWarning warning(String kind, int epoch) {
        return new HealthWarning(kind, kind + " seen.", "do something.", epoch * 10L, epoch);
    }

    @Test
    void bannerShowsRecentWarningsNewestFirstAndHistoryKeepsAll() {
        HealthFeed feed = new HealthFeed();
        assertEquals("", feed.banner());
        assertEquals("", feed.olderSummary());
        feed.add(warning(HealthWarning.DISCRIMINATOR_WINS, 1));
        feed.epochDone(1);
        feed.add(warning(HealthWarning.COLLAPSE, 2));
        String banner = feed.banner();
        assertTrue(banner.startsWith("⚠ [epoch 2, step 20] collapse seen. Try: do something."), banner);
        assertTrue(banner.contains("discriminator-wins"), banner);

        feed.epochDone(2);
        feed.epochDone(3);
        assertEquals("", feed.banner(), "warnings older than two epochs leave the banner");
        assertEquals(2, feed.all().size());
        // a condition is reported once, when it starts: the run is not declared healthy while older warnings exist
        assertTrue(feed.olderSummary().contains("2 earlier (latest: collapse at epoch 2"), feed.olderSummary());
        assertTrue(feed.history().indexOf("discriminator-wins") < feed.history().indexOf("collapse"));

        feed.clear();
        assertEquals("", feed.history());
        assertEquals("", feed.olderSummary());
    }
}
