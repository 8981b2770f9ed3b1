package org.aniprep.demo.art;

import org.aniprep.demo.ClipRecorder;
import org.aniprep.demo.DemoEpisode;
import org.aniprep.demo.Shot;
import org.aniprep.demo.Storyboard;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo's drawings must read as anime faces to a real anime face detector (nagadomi's
 * lbpcascade_animeface, trained on anime art), or the face and character stages get nothing to do
 * in the demo. Settings as the reference pipeline's detector: scale 1.1, 5 neighbours, 24 px.
 */
class AnimeFaceDetectionTest {
    private static final ClipRecorder.Settings HD = ClipRecorder.Settings.of(1280, 720);
    private static CascadeClassifier cascade;

    @BeforeAll
    static void loadCascade() {
        Path model = Path.of(System.getProperty("aniprep.shared", "../shared"), "models", "lbpcascade_animeface.xml");
        assumeTrue(Files.isRegularFile(model), "no " + model);
        cascade = new CascadeClassifier(model.toString());
        assertThat(cascade.empty()).isFalse();
    }

    @Test
    void findsAllFourFacesOfTheCastShotWhereTheHeadsAre() {
        List<Rect> faces = faces(shot("op_cast"));
        assertThat(faces).hasSize(4);
        faces.sort(Comparator.comparingInt(Rect::x));
        for (int i = 0; i < 4; i++) {
            double expectedX = HD.width() * (0.16 + 0.225 * i);
            assertThat(faces.get(i).x() + faces.get(i).width() / 2.0).isCloseTo(expectedX, org.assertj.core.data.Offset.offset(40.0));
        }
    }

    @Test
    void findsBothFacesOfATwoShotAndTheFaceOfACloseUp() {
        assertThat(faces(shot("ep1_room_two"))).hasSize(2);
        List<Rect> close = faces(shot("ep1_kuro_close"));
        assertThat(close).hasSize(1);
        assertThat(close.get(0).width()).isGreaterThan(HD.height() / 2);
    }

    @Test
    void findsEveryCharacterInMediumShotsMouthOpenOrClosed() {
        for (CharacterDesign c : CharacterDesign.cast()) {
            for (Pose pose : List.of(Pose.NEUTRAL, Pose.TALKING)) {
                for (double faceWidth : new double[]{0.1, 0.15, 0.2}) {
                    BufferedImage img = new BufferedImage(HD.width(), HD.height(), BufferedImage.TYPE_3BYTE_BGR);
                    Storyboard.paint(img, (g, w, h) -> {
                        Backgrounds.paint(g, Backgrounds.Kind.STREET, w, h);
                        CharacterPainter.paint(g, c, pose, w * 0.5, h * 0.4, h * faceWidth);
                    });
                    assertThat(faces(img)).as("%s %s face %.2f h", c.name(), pose, faceWidth).hasSize(1);
                }
            }
        }
    }

    @Test
    void findsNoFaceInAnEmptyBackground() {
        assertThat(faces(shot("op_street_pan"))).isEmpty();
    }

    private static BufferedImage shot(String name) {
        Shot shot = new DemoEpisode(HD, 1.0).episode1().shots().stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        BufferedImage img = new BufferedImage(HD.width(), HD.height(), BufferedImage.TYPE_3BYTE_BGR);
        Storyboard.paint(img, shot.pictureAt().apply(0).painter());
        return img;
    }

    private static List<Rect> faces(BufferedImage img) {
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        try (Mat mat = new Mat(img.getHeight(), img.getWidth(), CV_8UC3);
             Mat grey = new Mat();
             RectVector found = new RectVector()) {
            mat.data().put(bgr);
            cvtColor(mat, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            cascade.detectMultiScale(grey, found, 1.1, 5, 0, new Size(24, 24), new Size());
            List<Rect> out = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                out.add(new Rect(r.x(), r.y(), r.width(), r.height()));
            }
            return out;
        }
    }
}
