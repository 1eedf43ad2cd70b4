package dev.ganstudio.core.export;

import java.util.List;

/**
 * What an animated GIF contains, as read back by {@link GifExport#inspect}.
 *
 * @param frameCount   number of frames
 * @param width        logical screen width in pixels
 * @param height       logical screen height in pixels
 * @param delaysMillis per-frame delay from each Graphic Control Extension (GIF stores 1/100 s), 0 if absent
 * @param loopsForever whether a NETSCAPE2.0 application extension asks for endless looping (loop count 0)
 */
public record GifInfo(int frameCount, int width, int height, List<Integer> delaysMillis, boolean loopsForever) {

    public GifInfo {
        delaysMillis = List.copyOf(delaysMillis);
    }
}
