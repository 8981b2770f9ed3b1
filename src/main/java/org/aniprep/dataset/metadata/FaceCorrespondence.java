package org.aniprep.dataset.metadata;

import java.util.List;

/**
 * When the seed's {@code facepos} may be written (reference-pipeline.md §2.4): only when the face
 * positions and the character names correspond, so that the i-th position is the i-th character's
 * face. The seed wrote them when the count was 1, or when the count equalled the number of faces
 * and the classifier's characters were those of the faces. Here:
 * <ul>
 *   <li>one face and at most one name: the position is that character's (or the one person's);</li>
 *   <li>several faces: each face named, by a different character, and the names in face order are
 *       the characters; when the classify section does not list its faces, as many names as faces;</li>
 *   <li>no faces: nothing to write.</li>
 * </ul>
 * The seed's "count is 1" also let two faces with one name through, which pairs a name with the
 * wrong face half of the time; that case is left out.
 */
final class FaceCorrespondence {
    private FaceCorrespondence() {
    }

    /**
     * @param characters the names in face order
     * @param faceNames  per face the classify name (null entries: unnamed), or null when unknown
     * @param faces      the number of faces detected
     */
    static boolean corresponds(List<String> characters, List<String> faceNames, int faces) {
        if (faces <= 0) {
            return false;
        }
        if (faces == 1) {
            return characters.size() <= 1 && (faceNames == null || characters.isEmpty()
                    || characters.get(0).equals(faceNames.get(0)));
        }
        if (characters.size() != faces) {
            return false;
        }
        if (faceNames == null) {
            return true;
        }
        if (faceNames.size() < faces) {
            return false;
        }
        return faceNames.subList(0, faces).equals(characters);
    }
}
