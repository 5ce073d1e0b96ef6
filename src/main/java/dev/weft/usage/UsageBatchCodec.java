package dev.weft.usage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** The body of a usage batch: its deltas, one record each, deflated. */
final class UsageBatchCodec {

    private static final int FORMAT = 1;

    private UsageBatchCodec() {}

    static byte[] encode(Collection<UsageRepository.DailyDelta> deltas) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + deltas.size() * 40);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            out.writeByte(FORMAT);
            out.writeInt(deltas.size());
            for (UsageRepository.DailyDelta d : deltas) {
                Usage.Day c = d.counts();
                out.writeUTF(d.tokenId());
                out.writeLong(c.day().toEpochDay());
                out.writeLong(c.requests());
                out.writeLong(c.s2xx());
                out.writeLong(c.s3xx());
                out.writeLong(c.s4xx());
                out.writeLong(c.s5xx());
                Usage.LastUse u = d.lastUse();
                out.writeBoolean(u != null);
                if (u != null) {
                    out.writeLong(u.at().toEpochMilli());
                    out.writeUTF(u.clientAddress());
                    out.writeUTF(u.userAgent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static List<UsageRepository.DailyDelta> decode(byte[] body) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown usage batch format " + format);
            }
            int n = in.readInt();
            List<UsageRepository.DailyDelta> deltas = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String tokenId = in.readUTF();
                Usage.Day counts = new Usage.Day(LocalDate.ofEpochDay(in.readLong()), in.readLong(), in.readLong(),
                        in.readLong(), in.readLong(), in.readLong());
                Usage.LastUse use = in.readBoolean()
                        ? new Usage.LastUse(Instant.ofEpochMilli(in.readLong()), in.readUTF(), in.readUTF())
                        : null;
                deltas.add(new UsageRepository.DailyDelta(tokenId, counts, use));
            }
            return deltas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
