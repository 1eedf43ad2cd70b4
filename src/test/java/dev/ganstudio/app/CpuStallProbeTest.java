package dev.ganstudio.app;

import dev.ganstudio.app.CpuStallProbe.Stall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CpuStallProbeTest {
    private static final long MS = 1_000_000L;

    @Test
    void coveredCountsOverlapsOnceAndOnlyInsideTheGap() {
        List<Stall> stalls = List.of(new Stall(0, 90 * MS, 150 * MS), new Stall(1, 140 * MS, 170 * MS), new Stall(0, 300 * MS, 400 * MS));
        assertEquals(70 * MS, CpuStallProbe.covered(100 * MS, 200 * MS, stalls)); // 100..170
        assertEquals(0, CpuStallProbe.covered(200 * MS, 300 * MS, stalls));
        assertEquals(50 * MS, CpuStallProbe.covered(350 * MS, 500 * MS, stalls));
    }

    @Test
    void oneCpusStallsCountOnceForAGapWhoseThreadsMayHaveMoved() {
        List<Stall> stalls = List.of(new Stall(0, 100 * MS, 110 * MS), new Stall(1, 105 * MS, 130 * MS), new Stall(0, 140 * MS, 150 * MS));
        assertEquals(40 * MS, CpuStallProbe.covered(100 * MS, 150 * MS, stalls)); // both CPUs: 100..130 and 140..150
        assertEquals(25 * MS, CpuStallProbe.coveredOnOneCpu(100 * MS, 150 * MS, stalls)); // cpu1's 25 ms beats cpu0's 20
        assertEquals(0, CpuStallProbe.coveredOnOneCpu(100 * MS, 150 * MS, List.of()));
    }

    @Test
    void aStallTravelsAsOneLine() {
        Stall s = new Stall(1, 123_456_789_012L, 123_556_789_012L);
        assertEquals(s, Stall.parse(s.line()));
        assertEquals(100 * MS, s.nanos());
    }

    @Test
    void theProbeProcessPinsAThreadToEveryCpuAndEndsOnStop() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux") && Runtime.getRuntime().availableProcessors() >= 2);
        CpuStallProbe p = CpuStallProbe.start();
        assertNotNull(p);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L; // the probe is a JVM of its own: give it time to start
            while (p.pinned() < p.cpus() && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            p.stop();
        }
        assertEquals(Runtime.getRuntime().availableProcessors(), p.pinned());
        assertFalse(ProcessHandle.current().children().anyMatch(c -> c.info().commandLine().orElse("").contains(CpuStallProbe.class.getName())),
                "the probe process ends on stop");
    }
}
