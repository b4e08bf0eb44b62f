package uk.org.neglectexchange.platform.problem;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;

/**
 * JSON bodies must be UTF-8 (RFC 8259 §8.1). Jackson's own decoder lets overlong forms (C0 AF for "/") and encoded
 * surrogates through; this checks every byte against RFC 3629 as the parser reads it.
 */
public class Utf8Only extends InputDecorator {

    /** Bytes that are not UTF-8; mapped to a 400 that says so. */
    public static final class NotUtf8 extends JsonParseException {

        NotUtf8() {
            super(null, "The body is not valid UTF-8");
        }
    }

    @Override
    public InputStream decorate(IOContext context, InputStream in) {
        return new Checked(in);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] bytes, int offset, int length) {
        return new Checked(new ByteArrayInputStream(bytes, offset, length));
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader; // already characters: nothing to check
    }

    private static final class Checked extends FilterInputStream {

        private int continuations;
        private int low = 0x80;
        private int high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            check(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                check(-1);
            }
            for (int i = 0; i < n; i++) {
                check(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        private void check(int b) throws NotUtf8 {
            if (b < 0) {
                if (continuations > 0) {
                    throw new NotUtf8();
                }
                return;
            }
            if (continuations > 0) {
                if (b < low || b > high) {
                    throw new NotUtf8();
                }
                continuations--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            if (b < 0x80) {
                return;
            }
            // the first byte decides how many follow and the range of the next one (RFC 3629 §4)
            if (b >= 0xC2 && b <= 0xDF) {
                continuations = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuations = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuations = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new NotUtf8();
            }
        }
    }
}
