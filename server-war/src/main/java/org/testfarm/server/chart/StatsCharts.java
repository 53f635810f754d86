package org.testfarm.server.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.testfarm.store.StatsSeries;

/**
 * The PNG plots of a client's stats, drawn by JFreeChart without a display: one
 * plot per key (its values over the client's executions, oldest to newest), and a
 * thumbnail with a line per key, each scaled to its own range.
 */
public final class StatsCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 720;
    public static final int HEIGHT = 240;
    public static final int THUMB_WIDTH = 160;
    public static final int THUMB_HEIGHT = 44;

    private static final Color[] LINES = {
        new Color(0x2563eb), new Color(0xdc2626), new Color(0x16a34a), new Color(0xd97706),
        new Color(0x7c3aed), new Color(0x0891b2), new Color(0xdb2777), new Color(0x4b5563),
    };
    private static final Color GRID = new Color(0xe5e7eb);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private StatsCharts() {}

    /** The plot of one key: x = the client's executions with stats, in order; y = the key's value. */
    public static byte[] chart(StatsSeries stats, String key, int index) {
        List<String> executions = new ArrayList<>(stats.executions());
        XYSeries series = points(key, executions, stats.series(key), 0, 1);
        NumberAxis domain = new NumberAxis("executions");
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        domain.setNumberFormatOverride(new ExecutionLabels(executions));
        domain.setTickLabelFont(TICKS);
        domain.setLabelFont(TICKS);
        domain.setAutoRangeIncludesZero(false);
        domain.setLowerMargin(0.02);
        domain.setUpperMargin(0.02);
        NumberAxis range = new NumberAxis(key);
        range.setAutoRangeIncludesZero(false);
        // a flat line still gets a readable scale around its value
        double top = series.getItemCount() == 0 ? 1 : Math.abs(series.getMaxY());
        range.setAutoRangeMinimumSize(Math.max(1e-6, top * 0.2), true);
        range.setTickLabelFont(TICKS);
        range.setLabelFont(TICKS);
        AbstractXYItemRenderer renderer = lineRenderer(series.getItemCount(), 60, WIDTH);
        renderer.setSeriesPaint(0, LINES[index % LINES.length]);
        renderer.setSeriesStroke(0, stroke(renderer, 2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), domain, range, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart(null, TICKS, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 28));
        return png(chart, WIDTH, HEIGHT);
    }

    /** Every key in one small picture, each line scaled between its own minimum and maximum. */
    public static byte[] thumbnail(StatsSeries stats) {
        List<String> executions = new ArrayList<>(stats.executions());
        XYSeriesCollection lines = new XYSeriesCollection();
        for (String key : stats.keys()) {
            NavigableMap<String, Number> values = stats.series(key);
            double min = values.values().stream().mapToDouble(Number::doubleValue).min().orElse(0);
            double max = values.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
            double span = max - min;
            lines.addSeries(span == 0 ? points(key, executions, values, 0.5, 0) // a flat line sits in the middle
                    : points(key, executions, values, -min / span, 1 / span));
        }
        NumberAxis domain = new NumberAxis();
        domain.setVisible(false);
        domain.setAutoRangeIncludesZero(false);
        NumberAxis range = new NumberAxis();
        range.setVisible(false);
        range.setRange(-0.08, 1.08);
        AbstractXYItemRenderer renderer = lineRenderer(executions.size(), 2, THUMB_WIDTH);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, LINES[i % LINES.length]);
            renderer.setSeriesStroke(i, stroke(renderer, 1.4f));
        }
        XYPlot plot = new XYPlot(lines, domain, range, renderer);
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, TICKS, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        return png(chart, THUMB_WIDTH, THUMB_HEIGHT);
    }

    /**
     * A key's values as points: x is the execution's position among all executions with
     * stats, y is {@code offset + value * scale}. Both lists are in execution order, so
     * they are walked side by side rather than looked up point by point.
     */
    private static XYSeries points(String key, List<String> executions, NavigableMap<String, Number> values,
            double offset, double scale) {
        XYSeries series = new XYSeries(key, false, true);
        int x = 0;
        for (Map.Entry<String, Number> value : values.entrySet()) {
            while (x < executions.size() && executions.get(x).compareTo(value.getKey()) < 0) {
                x++;
            }
            series.add(x, offset + value.getValue().doubleValue() * scale, false); // no one listens yet
        }
        return series;
    }

    /**
     * Lines with a dot on each point while there are at most {@code dotted} of them.
     * A line with more points than the picture has pixel columns is drawn from the lowest
     * and highest value of each column (JFreeChart's sampling renderer): the same picture,
     * spikes included, without stroking a thousand segments into a few hundred pixels.
     */
    private static AbstractXYItemRenderer lineRenderer(int points, int dotted, int width) {
        if (points > width) {
            return new SamplingXYLineRenderer();
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points <= dotted);
        renderer.setDrawSeriesLineAsPath(true); // one stroke for the whole line, not one per segment
        return renderer;
    }

    /** Round joins on a line with few points; on a dense one they do not show, and plain ones stroke faster. */
    private static BasicStroke stroke(AbstractXYItemRenderer renderer, float width) {
        return renderer instanceof SamplingXYLineRenderer
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return PngEncoder.encode(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null));
    }

    /** Tick labels of the execution axis: the execution at that position, shortened when it is a date. */
    private static final class ExecutionLabels extends NumberFormat {

        private final List<String> executions;

        ExecutionLabels(List<String> executions) {
            this.executions = executions;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            return format((long) Math.rint(number), to, position);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            if (number < 0 || number >= executions.size()) {
                return to;
            }
            String id = executions.get((int) number);
            // 20130304-111111 -> 03-04 11:11
            if (id.length() == 15 && id.charAt(8) == '-') {
                return to.append(id, 4, 6).append('-').append(id, 6, 8).append(' ')
                        .append(id, 9, 11).append(':').append(id, 11, 13);
            }
            return to.append(id);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return null;
        }
    }
}
