package org.aniprep.extract;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Key frames of a video by time, each decoded on its own: after a seek, packets are read until the
 * first key-frame packet at or after the time, and only that packet reaches the decoder. (JavaCV's
 * frame-exact seek decoded every frame up to the time, which made the black-bar probe cost about
 * two seconds of one core on a 4-minute 1080p episode.)
 */
final class KeyFrameSampler implements AutoCloseable {
    /** A key frame's luma plane (YUV420P's, as the grabber converted it): valid until the next call. */
    record Luma(long pts, ByteBuffer plane, int stride) {
    }

    private final AVFormatContext format = new AVFormatContext(null);
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private AVCodecContext codec;
    private SwsContext sws;
    private BytePointer yuvBuffer;
    private int stream = -1;
    private AVRational timeBase;
    private long startPts;

    KeyFrameSampler(Path video) throws IOException {
        try {
            check(avformat_open_input(format, video.toString(), null, null), "cannot be opened");
            check(avformat_find_stream_info(format, (PointerPointer<?>) null), "has no readable streams");
            stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            check(stream, "has no video stream");
            AVStream st = format.streams(stream);
            timeBase = st.time_base();
            startPts = st.start_time() != AV_NOPTS_VALUE ? st.start_time() : 0;
            AVCodecParameters par = st.codecpar();
            AVCodec decoder = avcodec_find_decoder(par.codec_id());
            if (decoder == null) {
                throw new IOException("has a video codec FFmpeg cannot decode");
            }
            codec = avcodec_alloc_context3(decoder);
            check(avcodec_parameters_to_context(codec, par), "has unusable codec parameters");
            codec.skip_frame(AVDISCARD_NONKEY);
            codec.thread_count(1);
            check(avcodec_open2(codec, decoder, (PointerPointer<?>) null), "cannot be decoded");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The first key frame at or after {@code seconds} from the stream's start (0: the first one); null when none. */
    Luma at(double seconds) throws IOException {
        long target = startPts + Math.round(seconds * timeBase.den() / (double) timeBase.num());
        if (seconds > 0) {
            check(av_seek_frame(format, stream, target, AVSEEK_FLAG_BACKWARD), "cannot be searched");
        }
        avcodec_flush_buffers(codec);
        while (av_read_frame(format, packet) >= 0) {
            try {
                long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                if (packet.stream_index() != stream || (packet.flags() & AV_PKT_FLAG_KEY) == 0
                        || seconds > 0 && pts != AV_NOPTS_VALUE && pts < target) {
                    continue;
                }
                return decode(pts);
            } finally {
                av_packet_unref(packet);
            }
        }
        return null;
    }

    /** Decodes the key-frame packet alone (the decoder drained, then reset for the next one). */
    private Luma decode(long pts) throws IOException {
        av_frame_unref(frame);
        check(avcodec_send_packet(codec, packet), "has a damaged key frame");
        avcodec_send_packet(codec, null);
        int ret = avcodec_receive_frame(codec, frame);
        avcodec_flush_buffers(codec);
        if (ret < 0) {
            return null;
        }
        if (frame.format() == AV_PIX_FMT_YUV420P) {
            return new Luma(pts, frame.data(0).capacity((long) frame.linesize(0) * frame.height()).asBuffer(), frame.linesize(0));
        }
        int w = frame.width();
        int h = frame.height();
        sws = sws_getCachedContext(sws, w, h, frame.format(), w, h, AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null,
                (DoublePointer) null);
        if (sws == null) {
            throw new IOException("has pictures FFmpeg cannot convert to YUV");
        }
        if (yuvBuffer == null || yuvBuffer.capacity() < (long) w * h) {
            if (yuvBuffer != null) {
                yuvBuffer.close();
            }
            yuvBuffer = new BytePointer((long) w * h * 3 / 2 + 64);
        }
        // luma only: the chroma planes are converted too (swscale needs somewhere to put them) into the same buffer's tail
        PointerPointer<BytePointer> dst = new PointerPointer<>(yuvBuffer, yuvBuffer.getPointer((long) w * h),
                yuvBuffer.getPointer((long) w * h + (long) ((w + 1) / 2) * ((h + 1) / 2)), null);
        try (IntPointer lines = new IntPointer(w, (w + 1) / 2, (w + 1) / 2, 0)) {
            sws_scale(sws, new PointerPointer<>(frame), frame.linesize(), 0, h, dst, lines);
        }
        return new Luma(pts, yuvBuffer.capacity((long) w * h).asBuffer(), w);
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException(what);
        }
    }

    @Override
    public void close() {
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (yuvBuffer != null) {
            yuvBuffer.close();
        }
        av_frame_free(frame);
        av_packet_free(packet);
        avformat_close_input(format);
    }
}
