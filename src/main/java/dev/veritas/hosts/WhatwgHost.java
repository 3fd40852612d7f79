package dev.veritas.hosts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The algorithms of the WHATWG URL Standard's host parser that {@link UrlHost} follows, step by step. */
final class WhatwgHost {
    private WhatwgHost() {}

    /** Percent-decodes as UTF-8; empty when an escape is malformed (a browser then refuses the host for its '%'). */
    static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0 || Character.digit(in[i + 2], 16) < 0) {
                    return Optional.empty();
                }
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    /** The WHATWG IPv6 serializer: lower-case hex, the first longest run of two or more zero pieces as "::". */
    static String ipv6Text(byte[] b) {
        int[] pieces = new int[8];
        for (int i = 0; i < 8; i++) {
            pieces[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(pieces[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** The WHATWG IPv4 parser. */
    static final class Ipv4 {
        private Ipv4() {}

        /** The address as an unsigned 32-bit number, or empty when the host is not a valid IPv4 address. */
        static Optional<Long> parse(String host) {
            String[] parts = host.split("\\.", -1);
            int count = parts.length;
            if (parts[count - 1].isEmpty() && count > 1) {
                count--;
            }
            if (count > 4) {
                return Optional.empty();
            }
            long[] numbers = new long[count];
            for (int i = 0; i < count; i++) {
                numbers[i] = number(parts[i]);
                if (numbers[i] < 0) {
                    return Optional.empty();
                }
                if (i < count - 1 && numbers[i] > 255) {
                    return Optional.empty();
                }
            }
            long last = numbers[count - 1];
            if (last >= 1L << (8 * (5 - count))) {
                return Optional.empty();
            }
            long ipv4 = last;
            for (int i = 0; i < count - 1; i++) {
                ipv4 += numbers[i] << (8 * (3 - i));
            }
            return Optional.of(ipv4);
        }

        /**
         * The WHATWG IPv4 number parser: "0x" or "0X" starts hex, another leading "0" octal, else decimal; "0x"
         * alone is 0. Returns -1 when the part is not a number, and also when it is too large to be any part of an
         * address (which makes the address invalid all the same).
         */
        static long number(String part) {
            if (part.isEmpty()) {
                return -1;
            }
            int radix = 10;
            String digits = part;
            if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
                digits = part.substring(2);
                radix = 16;
            } else if (part.length() >= 2 && part.charAt(0) == '0') {
                digits = part.substring(1);
                radix = 8;
            }
            long value = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = Character.digit(digits.charAt(i), radix);
                if (d < 0 || digits.charAt(i) > 0x7f) {
                    return -1;
                }
                value = value * radix + d;
                if (value > 0xFFFF_FFFFL) {
                    // Still a number (so the host "ends in a number"), but no valid address has a part this big.
                    return digitsOnly(digits, i + 1, radix) ? Long.MAX_VALUE : -1;
                }
            }
            return value;
        }

        private static boolean digitsOnly(String s, int from, int radix) {
            for (int i = from; i < s.length(); i++) {
                if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 0x7f) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The WHATWG IPv6 parser, including an IPv4 address in the last 32 bits (dotted decimal only, no leading zeros). */
    static final class Ipv6 {
        private Ipv6() {}

        static Optional<byte[]> parse(String input) {
            int[] address = new int[8];
            int pieceIndex = 0;
            int compress = -1;
            int p = 0;
            int n = input.length();
            if (n > 0 && input.charAt(0) == ':') {
                if (n < 2 || input.charAt(1) != ':') {
                    return Optional.empty();
                }
                p += 2;
                pieceIndex++;
                compress = pieceIndex;
            }
            while (p < n) {
                if (pieceIndex == 8) {
                    return Optional.empty();
                }
                if (input.charAt(p) == ':') {
                    if (compress != -1) {
                        return Optional.empty();
                    }
                    p++;
                    pieceIndex++;
                    compress = pieceIndex;
                    continue;
                }
                int value = 0;
                int length = 0;
                while (length < 4 && p < n && hex(input.charAt(p)) >= 0) {
                    value = value * 0x10 + hex(input.charAt(p));
                    p++;
                    length++;
                }
                if (p < n && input.charAt(p) == '.') {
                    if (length == 0) {
                        return Optional.empty();
                    }
                    p -= length;
                    if (pieceIndex > 6) {
                        return Optional.empty();
                    }
                    int numbersSeen = 0;
                    while (p < n) {
                        int ipv4Piece = -1;
                        if (numbersSeen > 0) {
                            if (input.charAt(p) == '.' && numbersSeen < 4) {
                                p++;
                            } else {
                                return Optional.empty();
                            }
                        }
                        if (p >= n || !isDigit(input.charAt(p))) {
                            return Optional.empty();
                        }
                        while (p < n && isDigit(input.charAt(p))) {
                            int number = input.charAt(p) - '0';
                            if (ipv4Piece == -1) {
                                ipv4Piece = number;
                            } else if (ipv4Piece == 0) {
                                return Optional.empty();
                            } else {
                                ipv4Piece = ipv4Piece * 10 + number;
                            }
                            if (ipv4Piece > 255) {
                                return Optional.empty();
                            }
                            p++;
                        }
                        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
                        numbersSeen++;
                        if (numbersSeen == 2 || numbersSeen == 4) {
                            pieceIndex++;
                        }
                    }
                    if (numbersSeen != 4) {
                        return Optional.empty();
                    }
                    break;
                } else if (p < n && input.charAt(p) == ':') {
                    p++;
                    if (p >= n) {
                        return Optional.empty();
                    }
                } else if (p < n) {
                    return Optional.empty();
                }
                address[pieceIndex] = value;
                pieceIndex++;
            }
            if (compress != -1) {
                int swaps = pieceIndex - compress;
                pieceIndex = 7;
                while (pieceIndex != 0 && swaps > 0) {
                    int t = address[pieceIndex];
                    address[pieceIndex] = address[compress + swaps - 1];
                    address[compress + swaps - 1] = t;
                    pieceIndex--;
                    swaps--;
                }
            } else if (pieceIndex != 8) {
                return Optional.empty();
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[2 * i] = (byte) (address[i] >>> 8);
                bytes[2 * i + 1] = (byte) address[i];
            }
            return Optional.of(bytes);
        }

        private static int hex(char c) {
            return c < 0x80 ? Character.digit(c, 16) : -1;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
