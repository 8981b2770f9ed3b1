package org.aniprep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import scala.Option;

/**
 * The versions a JVM of the job runs: Spark (from Spark's own {@code spark-version-info.properties}),
 * Scala's binary version (scala-library's {@code library.properties}) and aniprep's ({@code AniprepVersion.NAME} read at run time, not the constant
 * javac copied in here). The driver compares its own with those this module was built with; each task
 * compares its executor's with the driver's, so a node with another Spark or another aniprep is named.
 */
record SparkVersions(String spark, String scala, String aniprep) implements Serializable {

    /** What this JVM runs. */
    static SparkVersions here() {
        Properties spark = load(org.apache.spark.SparkConf.class, "/spark-version-info.properties");
        return new SparkVersions(spark.getProperty("version", "?"), binary(load(Option.class, "/library.properties").getProperty("version.number", "?")),
                runningAniprep());
    }

    /** What this module was compiled and tested against (the build fills in built-with.properties). */
    static SparkVersions builtWith() {
        Properties p = load(SparkVersions.class, "built-with.properties");
        return new SparkVersions(p.getProperty("spark.version"), p.getProperty("scala.binary.version"),
                p.getProperty("aniprep.version").replace("-SNAPSHOT", ""));
    }

    /**
     * Why the driver cannot run with {@code running} when built with {@code built}: another Spark
     * major.minor (Spark keeps binary compatibility only within a feature line; patch releases are
     * fine), another Scala binary version (2.12 and 2.13 classes do not link), or another aniprep core.
     */
    static Optional<String> driverMismatch(SparkVersions built, SparkVersions running) {
        if (!built.scala.equals(running.scala)) {
            return Optional.of("aniprep-spark was built for Scala " + built.scala + " (Spark " + built.spark + "), but this JVM runs Scala "
                    + running.scala + " (Spark " + running.spark + "): use a Spark " + featureLine(built.spark) + ".x for Scala " + built.scala);
        }
        if (!featureLine(built.spark).equals(featureLine(running.spark))) {
            return Optional.of("aniprep-spark was built for Spark " + built.spark + ", but this JVM runs Spark " + running.spark
                    + ": use a Spark " + featureLine(built.spark) + ".x, or rebuild spark/ with -Dspark.version=" + running.spark);
        }
        if (!built.aniprep.equals(running.aniprep)) {
            return Optional.of("aniprep-spark was built against aniprep " + built.aniprep + ", but the class path has aniprep "
                    + running.aniprep + ": rebuild both with 'mvn -B verify'");
        }
        return Optional.empty();
    }

    /** Why an executor on {@code host} running {@code executor} cannot take the driver's tasks (any difference counts). */
    static Optional<String> executorMismatch(SparkVersions driver, SparkVersions executor, String host) {
        if (driver.equals(executor)) {
            return Optional.empty();
        }
        StringBuilder what = new StringBuilder();
        differ(what, "Spark", driver.spark, executor.spark);
        differ(what, "Scala", driver.scala, executor.scala);
        differ(what, "aniprep", driver.aniprep, executor.aniprep);
        return Optional.of("executor host " + host + " runs " + what + ": install the same Spark and aniprep on every node "
                + "(docs/spark.md)");
    }

    private static void differ(StringBuilder out, String what, String driver, String executor) {
        if (!driver.equals(executor)) {
            out.append(out.length() == 0 ? "" : " and ").append(what).append(' ').append(executor).append(" (the driver ").append(driver)
                    .append(')');
        }
    }

    /** "4.2.0" → "4.2". */
    static String featureLine(String version) {
        String[] p = version.split("[.-]");
        return p.length >= 2 ? p[0] + "." + p[1] : version;
    }

    private static String binary(String scala) {
        return featureLine(scala);
    }

    private static String runningAniprep() {
        try {
            return (String) org.aniprep.console.AniprepVersion.class.getField("NAME").get(null);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    private static Properties load(Class<?> near, String name) {
        Properties p = new Properties();
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
