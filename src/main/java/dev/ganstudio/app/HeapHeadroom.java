package dev.ganstudio.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Keeps the studio's Java heap compact while it trains, so that the collector reuses its memory instead of touching new
 * memory. With the 8 GB maximum and nothing else to go by, Shenandoah let the heap fill with 2.3 GB before its first
 * cycle (56 s into a 10-epoch MLP-GAN run): about 27 MB/s of memory the process had never touched, 6,700 page faults a
 * second, and in a virtual machine memory the host has to supply. From about 40 s on, frames over 25 ms came four times
 * as often, though the pulses themselves took no longer. With a soft maximum of 1 GB the collector ran 15 short
 * concurrent cycles in such a run (0.5 s of marking in all, pauses up to 2 ms), and in 4 interleaved pairs of runs the
 * longest gap was 34.3–38.5 ms against 46.6–57.3 ms, p99 20.3–21.6 ms against 23.5–27.6 ms (bench, see README). A
 * 600 MB soft maximum made it cycle 79 times, hence the {@value #FLOOR_MB} MB floor.
 *
 * <p>The soft maximum follows the live data: twice what the heap held after the last collection plus
 * {@value #MARGIN_MB} MB, at least the floor and at most the maximum heap, so a large dataset or many epochs of
 * pictures never make the collector run back to back. The heap may still grow past it when an allocation needs the room. A
 * {@code -XX:SoftMaxHeapSize} given on the command line wins; collectors that ignore the setting (G1 on Java 17) are
 * unaffected.
 */
final class HeapHeadroom {
    static final long FLOOR_MB = 1024, MARGIN_MB = 256;
    private static final String OPTION = "SoftMaxHeapSize";

    private HeapHeadroom() {}

    /** The soft maximum for {@code liveBytes} of live data under a maximum heap of {@code maxBytes}. */
    static long softMaxFor(long liveBytes, long maxBytes) {
        long wanted = Math.max(FLOOR_MB << 20, 2 * Math.max(0, liveBytes) + (MARGIN_MB << 20));
        return maxBytes > 0 ? Math.min(maxBytes, wanted) : wanted;
    }

    /**
     * Sets the soft maximum from the heap held after the last collection (a few management calls; the studio calls it
     * at start and after each epoch).
     *
     * @return the soft maximum now set, or -1 where it was given on the command line or cannot be set
     */
    static long adjust() {
        return set(liveAfterLastCollection());
    }

    /**
     * As {@link #adjust()}, counting all the heap in use now as live: a dataset just loaded has not been through a
     * collection yet, and a soft maximum below it would make the collector run back to back until the next epoch.
     */
    static long adjustAfterLoad() {
        long inUse = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return set(Math.max(liveAfterLastCollection(), inUse));
    }

    private static long set(long liveBytes) {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || vm.getVMOption(OPTION).getOrigin() == VMOption.Origin.VM_CREATION) return -1;
            long softMax = softMaxFor(liveBytes, Runtime.getRuntime().maxMemory());
            String value = String.valueOf(softMax);
            if (!value.equals(vm.getVMOption(OPTION).getValue())) vm.setVMOption(OPTION, value);
            return softMax;
        } catch (RuntimeException e) { // no such option or not writable on this JVM: leave the collector alone
            return -1;
        }
    }

    /** Heap bytes in use right after the last collection (0 before the first), or in use now where unknown. */
    static long liveAfterLastCollection() {
        long live = 0;
        boolean known = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue;
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null) {
                live += after.getUsed();
                known = true;
            }
        }
        return known ? live : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
