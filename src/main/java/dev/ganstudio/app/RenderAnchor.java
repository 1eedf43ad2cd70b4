package dev.ganstudio.app;

import javafx.scene.Scene;
import javafx.scene.layout.Region;

import java.lang.reflect.Field;
import java.util.function.BooleanSupplier;

/**
 * Keeps JavaFX from repainting the whole window for a frame whose only changes are in hidden or empty nodes (a hidden
 * scroll bar's track, a tab's hidden content, a label turned invisible). Such a frame has dirty nodes but no dirty
 * region, and JavaFX then paints everything: 44–78 ms in software rendering at 1920×1080 while a GAN trained (found
 * with the pulse logger and an agent on {@code NGNode.markDirty}). The anchor is a 1×1 empty region whose opacity
 * flips after layout in every pulse that will render anyway, so each such frame has a real, one-pixel dirty region.
 *
 * <p>Whether the pulse will render is read from the scene's dirty-node count (a private field; JavaFX on the class
 * path allows reading it). Where it cannot be read (JavaFX as named modules), the anchor flips in every pulse while
 * {@code fallback} holds: it works the same, but draws frames that had nothing to draw (training in the studio took
 * 17 % longer on two cores that way).
 *
 * <p>{@code -Dganstudio.renderAnchor=busy} forces the fallback and {@code off} turns the anchor off (for comparing in
 * the bench).
 */
final class RenderAnchor {
    private static final String MODE = System.getProperty("ganstudio.renderAnchor", "exact");
    private static final Field DIRTY_NODES_SIZE = MODE.equals("exact") ? dirtyNodesSize() : null;

    private final Region node = new Region();
    private final BooleanSupplier fallback;

    RenderAnchor(BooleanSupplier fallback) {
        this.fallback = fallback;
        node.setManaged(false);
        node.resizeRelocate(0, 0, 1, 1);
        node.setMouseTransparent(true);
    }

    /** The node to add to the scene (anywhere visible; it is never seen). */
    Region node() { return node; }

    /** Starts flipping in the pulses of the scene {@link #node()} is shown in. */
    void attachWhenShown() {
        node.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && !scene.getProperties().containsKey(RenderAnchor.class)) attach(scene);
        });
    }

    private void attach(Scene scene) {
        scene.getProperties().put(RenderAnchor.class, this);
        if (MODE.equals("off")) return;
        scene.addPostLayoutPulseListener(() -> {
            if (willRender(scene)) node.setOpacity(node.getOpacity() == 1 ? 0.99 : 1);
        });
    }

    /** How the anchor works here: "in rendering pulses", "every pulse while busy" (the fallback) or "off". */
    static String mode() { return MODE.equals("off") ? "off" : DIRTY_NODES_SIZE != null ? "in rendering pulses" : "every pulse while busy"; }

    private boolean willRender(Scene scene) {
        if (DIRTY_NODES_SIZE == null) return fallback.getAsBoolean();
        try {
            return DIRTY_NODES_SIZE.getInt(scene) > 0;
        } catch (IllegalAccessException e) {
            return fallback.getAsBoolean();
        }
    }

    private static Field dirtyNodesSize() {
        try {
            Field f = Scene.class.getDeclaredField("dirtyNodesSize");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
