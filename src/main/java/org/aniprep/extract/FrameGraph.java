package org.aniprep.extract;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

/**
 * An FFmpeg filter graph fed with the decoder's own frames by reference: {@code filters} (e.g.
 * {@code mpdecimate=…}) and then a conversion to YUV420P, which FFmpeg leaves out when the video
 * is YUV420P already. JavaCV's grabber and filter each copied every frame (the grabber's swscale
 * pass, the filter's input and output copies: three 3 MB copies per 1080p frame, on the decoding
 * thread); here only the frames that come out are copied once, packed for the BGR conversion.
 * One frame in, at most one out: the filters used here decide per frame, without delay.
 */
final class FrameGraph implements AutoCloseable {
    private final AVFilterGraph graph;
    private final AVFilterContext source;
    private final AVFilterContext sink;
    private final AVFrame out = av_frame_alloc();
    private final int width;
    private final int height;

    private FrameGraph(AVFilterGraph graph, AVFilterContext source, AVFilterContext sink, int width, int height) {
        this.graph = graph;
        this.source = source;
        this.sink = sink;
        this.width = width;
        this.height = height;
    }

    /** A graph for frames like {@code first} (its size and pixel format) at {@code fps}. */
    static FrameGraph open(String filters, AVFrame first, double fps) throws IOException {
        AVFilterGraph graph = avfilter_graph_alloc();
        AVFilterInOut outputs = avfilter_inout_alloc();
        AVFilterInOut inputs = avfilter_inout_alloc();
        try {
            AVRational rate = av_d2q(fps > 0 ? fps : 25, 1001000);
            AVRational timeBase = av_inv_q(rate);
            AVRational sar = first.sample_aspect_ratio();
            int sarNum = sar.num() > 0 && sar.den() > 0 ? sar.num() : 1;
            int sarDen = sar.num() > 0 && sar.den() > 0 ? sar.den() : 1;
            String args = String.format(Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=%d/%d",
                    first.width(), first.height(), first.format(), timeBase.num(), timeBase.den(), sarNum, sarDen);
            AVFilterContext source = new AVFilterContext().retainReference();
            AVFilterContext sink = new AVFilterContext().retainReference();
            check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph), "its input");
            check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph), "its output");
            outputs.name(av_strdup(new BytePointer("in"))).filter_ctx(source).pad_idx(0).next(null);
            inputs.name(av_strdup(new BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
            String text = (filters == null ? "" : filters + ",") + "format=yuv420p";
            check(avfilter_graph_parse_ptr(graph, text, inputs, outputs, null), "'" + text + "'");
            check(avfilter_graph_config(graph, null), "'" + text + "'");
            return new FrameGraph(graph, source, sink, first.width(), first.height());
        } catch (IOException | RuntimeException e) {
            avfilter_graph_free(graph);
            throw e;
        } finally {
            avfilter_inout_free(inputs);
            avfilter_inout_free(outputs);
        }
    }

    /** A frame that came out: packed YUV420P (owned by the receiver) and its {@code AVCOL_RANGE_*}. */
    record Packed(BytePointer yuv, int colorRange) {
    }

    /**
     * Hands a decoded frame to the graph (by reference: the decoder's buffer is shared, not copied)
     * and returns what comes out for it (a copy), or null (dropped).
     */
    Packed push(AVFrame frame, long pts) throws IOException {
        if (frame.width() != width || frame.height() != height) {
            throw new IOException("the picture size changed mid-stream (" + frame.width() + "x" + frame.height()
                    + ", was " + width + "x" + height + ")");
        }
        frame.pts(pts);
        check(av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "a frame");
        int ret = av_buffersink_get_frame(sink, out);
        if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF()) {
            return null;
        }
        check(ret, "a frame");
        try {
            int size = av_image_get_buffer_size(AV_PIX_FMT_YUV420P, out.width(), out.height(), 1);
            BytePointer packed = new BytePointer(size);
            packed.capacity(size);
            try {
                check(av_image_copy_to_buffer(packed, size, new PointerPointer<>(out), out.linesize(), AV_PIX_FMT_YUV420P,
                        out.width(), out.height(), 1), "a frame");
            } catch (IOException e) {
                packed.close();
                throw e;
            }
            return new Packed(packed, out.color_range());
        } finally {
            av_frame_unref(out);
        }
    }

    /** The end of the stream: frames still inside are let go (none with per-frame filters). */
    void flush() throws IOException {
        check(av_buffersrc_add_frame_flags(source, null, 0), "the end of the stream");
        while (av_buffersink_get_frame(sink, out) >= 0) {
            av_frame_unref(out);
        }
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException("FFmpeg's frame filters refused " + what);
        }
    }

    @Override
    public void close() {
        av_frame_free(out);
        avfilter_graph_free(graph);
    }
}
