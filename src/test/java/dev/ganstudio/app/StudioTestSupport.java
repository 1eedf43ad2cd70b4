package dev.ganstudio.app;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Helpers for the studio's UI tests: waiting on FX state, and simulated drag-and-drop of files. */
final class StudioTestSupport {
    private StudioTestSupport() {}

    /** Polls {@code condition} on the FX thread until it holds, or fails after {@code seconds} with {@code what}. */
    static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS))) return;
            } catch (Exception e) {
                throw new AssertionError("checking '" + what + "' failed: " + e, e);
            }
            sleep(100);
        }
        try {
            fail("timed out after " + seconds + " s waiting for: " + what + " (status: "
                    + WaitForAsyncUtils.asyncFx(() -> StudioApp.lastView().model.statusProperty().get()).get() + ")");
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            fail("timed out waiting for: " + what);
        }
    }

    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fires DRAG_OVER and DRAG_DROPPED carrying {@code files} at {@code target}, as a real drop would. */
    static void dropFiles(Node target, List<File> files) {
        onFx(() -> {
            Dragboard board = DragboardHelper.createDragboard(new FilesClipboard(files));
            for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
                target.fireEvent(new DragEvent(target, target, type, board, 10, 10, 10, 10, TransferMode.COPY,
                        null, target, null));
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A clipboard that holds a list of files. */
    static final class FilesClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        FilesClipboard(List<File> files) { content.put(DataFormat.FILES, files); }

        @Override public void setSecurityContext(AccessControlContext ctx) {}

        @Override public Set<DataFormat> getContentTypes() { return content.keySet(); }

        @SafeVarargs
        @Override public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> p : pairs) content.put(p.getKey(), p.getValue());
            return true;
        }

        @Override public Object getContent(DataFormat f) { return content.get(f); }

        @Override public boolean hasContent(DataFormat f) { return content.containsKey(f); }

        @Override public Set<TransferMode> getTransferModes() { return EnumSet.of(TransferMode.COPY, TransferMode.MOVE); }

        @Override public void setDragView(Image image) {}

        @Override public void setDragViewOffsetX(double v) {}

        @Override public void setDragViewOffsetY(double v) {}

        @Override public Image getDragView() { return null; }

        @Override public double getDragViewOffsetX() { return 0; }

        @Override public double getDragViewOffsetY() { return 0; }
    }

    static boolean isFx() { return Platform.isFxApplicationThread(); }
}
