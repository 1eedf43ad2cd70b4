// Draws assets/icon.png (256×256), the studio's window icon: run with `java assets/MakeIcon.java`.
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(29, 53, 87), s, s, new Color(42, 157, 143)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56));
        // two overlapping circles: generator (orange) and discriminator (blue)
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        g.setColor(new Color(255, 127, 14));
        g.fill(new Ellipse2D.Double(40, 70, 116, 116));
        g.setColor(new Color(120, 180, 240));
        g.fill(new Ellipse2D.Double(100, 70, 116, 116));
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("G", 62, 150);
        g.drawString("D", 150, 150);
        // a small loss curve at the bottom
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D p = new Path2D.Double();
        p.moveTo(40, 206);
        for (int x = 40; x <= 216; x += 4) p.lineTo(x, 214 - 18 * Math.exp(-(x - 40) / 50.0) * Math.cos((x - 40) / 9.0));
        g.draw(p);
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "assets/icon.png"));
    }
}
