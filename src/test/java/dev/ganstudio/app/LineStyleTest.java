package dev.ganstudio.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dash patterns: how many of 100 pixel columns each style draws, and where a dash starts. */
class LineStyleTest {
    private static String first(LineStyle s, int n) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < n; c++) b.append(s.drawsColumn(c) ? '#' : '.');
        return b.toString();
    }

    @Test
    void patternsRepeatFromColumnZero() {
        assertEquals("##########", first(LineStyle.SOLID, 10));
        assertEquals("#######....#######....", first(LineStyle.DASHED, 22));
        assertEquals("##...##...", first(LineStyle.DOTTED, 10));
        assertEquals("########...##...########", first(LineStyle.DASH_DOT, 24));
        assertEquals(LineStyle.DASHED.drawsColumn(3), LineStyle.DASHED.drawsColumn(3 - 11), "negative columns continue the pattern");
    }
}
