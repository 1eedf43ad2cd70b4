package dev.ganstudio.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapHeadroomTest {
    private static final long MB = 1L << 20;

    @Test
    void softMaximumIsTwiceTheLiveDataPlusTheMarginBetweenTheFloorAndTheMaximumHeap() {
        assertEquals(HeapHeadroom.FLOOR_MB * MB, HeapHeadroom.softMaxFor(0, 8192 * MB));
        assertEquals(HeapHeadroom.FLOOR_MB * MB, HeapHeadroom.softMaxFor(300 * MB, 8192 * MB));
        assertEquals((2 * 700 + HeapHeadroom.MARGIN_MB) * MB, HeapHeadroom.softMaxFor(700 * MB, 8192 * MB));
        assertEquals(2048 * MB, HeapHeadroom.softMaxFor(4000 * MB, 2048 * MB));
        assertEquals(512 * MB, HeapHeadroom.softMaxFor(0, 512 * MB), "never above the maximum heap");
    }

    @Test
    void adjustingSetsTheCollectorsSoftMaximumHeapSize() {
        long max = Runtime.getRuntime().maxMemory();
        long set = HeapHeadroom.adjust(); // the test JVM is not given -XX:SoftMaxHeapSize
        long least = Math.min(HeapHeadroom.FLOOR_MB * MB, max);
        assertTrue(set >= least && set <= max, "soft maximum " + set + ", heap maximum " + max);
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals(String.valueOf(set), vm.getVMOption("SoftMaxHeapSize").getValue());

        long afterLoad = HeapHeadroom.adjustAfterLoad();
        assertTrue(afterLoad >= least && afterLoad <= max, "after a load: " + afterLoad);
        assertEquals(String.valueOf(afterLoad), vm.getVMOption("SoftMaxHeapSize").getValue());
    }
}
