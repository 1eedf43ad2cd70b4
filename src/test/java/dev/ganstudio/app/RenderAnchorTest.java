package dev.ganstudio.app;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The render anchor flips in a pulse that renders a change nobody can see, and stays still when nothing changes. */
class RenderAnchorTest {
    @Test
    void flipsOnlyInPulsesThatRender() throws Exception {
        FxToolkit.registerPrimaryStage();
        assertEquals("in rendering pulses", RenderAnchor.mode(), "JavaFX on the class path lets the anchor read the scene");
        RenderAnchor anchor = new RenderAnchor(() -> true);
        Label hidden = new Label("hidden");
        hidden.setVisible(false);
        Stage[] stage = new Stage[1];
        onFx(() -> {
            VBox root = new VBox(new Label("shown"), hidden, anchor.node());
            anchor.attachWhenShown();
            stage[0] = new Stage();
            stage[0].setScene(new Scene(root, 200, 100));
            stage[0].show();
            return null;
        });
        try {
            Thread.sleep(300); // first frames
            double still = onFx(() -> anchor.node().getOpacity());
            Thread.sleep(300);
            assertEquals(still, onFx(() -> anchor.node().getOpacity()), "no change, no flip (no frame drawn for nothing)");

            onFx(() -> { hidden.setText("changed while hidden"); return null; });
            long until = System.nanoTime() + 5_000_000_000L;
            while (onFx(() -> anchor.node().getOpacity()) == still && System.nanoTime() < until) Thread.sleep(10);
            double flipped = onFx(() -> anchor.node().getOpacity());
            assertNotEquals(still, flipped, "a hidden node's change flips the anchor in the pulse that renders it");
            Thread.sleep(300);
            assertEquals(flipped, onFx(() -> anchor.node().getOpacity()), "its own flip does not keep it flipping");
            assertTrue(flipped == 1 || flipped == 0.99);
        } finally {
            onFx(() -> { stage[0].close(); return null; });
        }
    }
}
