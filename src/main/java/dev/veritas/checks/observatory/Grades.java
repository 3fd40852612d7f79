package dev.veritas.checks.observatory;

/** Observatory's score → letter grade table. */
final class Grades {
    private Grades() {}

    /** Rounds the score down to a multiple of 5, caps it at 100 and looks up the letter. */
    static String forScore(int score) {
        int bucket = Math.min(Math.max(score, 0) / 5 * 5, 100);
        return switch (bucket) {
            case 100 -> "A+";
            case 95, 90 -> "A";
            case 85 -> "A-";
            case 80 -> "B+";
            case 75, 70 -> "B";
            case 65 -> "B-";
            case 60 -> "C+";
            case 55, 50 -> "C";
            case 45 -> "C-";
            case 40 -> "D+";
            case 35, 30 -> "D";
            case 25 -> "D-";
            default -> "F";
        };
    }
}
