package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;

/** Perceptual hashes compared by Hamming distance; the threshold is a whole number of bits. */
public record HashFingerprinter(PerceptualHash hash) implements Fingerprinter<BitHash> {
    public static final HashFingerprinter DEFAULT = new HashFingerprinter(DedupOptions.DEFAULT_HASH);

    @Override
    public String id() {
        return hash.id();
    }

    @Override
    public DedupInfo fingerprint(RgbImage img) {
        return DedupInfo.cache(hash.id(), hash.hash(img).toHex(), Sharpness.varianceOfLaplacian(img), FrameQuality.of(img));
    }

    @Override
    public BitHash read(DedupInfo info) {
        return BitHash.fromHex(info.hash());
    }

    @Override
    public boolean isCached(DedupInfo info) {
        return Fingerprinter.super.isCached(info) && info.hash() != null;
    }

    @Override
    public NeighbourIndex<BitHash> index(double threshold) {
        return new HammingIndex(bits(), (int) threshold);
    }

    int bits() {
        return hash.hash(RgbImage.blank(8, 8, 0, 0, 0)).bits();
    }

    @Override
    public double distance(BitHash a, BitHash b) {
        return a.distance(b);
    }

    @Override
    public String describeThreshold(double threshold) {
        return (long) threshold + " of " + bits() + " bits";
    }

    @Override
    public String describeDistance(double distance) {
        return (long) distance + " bits";
    }
}
