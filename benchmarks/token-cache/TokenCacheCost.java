import dev.debrief.kit.security.VerifiedTokenCache;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What the verified-token cache saves, in CPU time of this thread (so other load on the machine does not
 * count): verifying an RS256 token as quarkus-oidc does (jose4j: signature, issuer, audience, expiry, claims
 * parsed) against a hit in the shared cache (SHA-256 of the token + a Caffeine look-up).
 * Run: see README.md in this folder.
 */
public class TokenCacheCost {

    public static void main(String[] args) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("bench");
        claims.setAudience("debrief-api");
        claims.setSubject("bench-candidate");
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setIssuedAtToNow();
        claims.setClaim("preferred_username", "bench");
        claims.setClaim("organization", java.util.List.of("firm-3"));
        claims.setClaim("realm_access", java.util.Map.of("roles", java.util.List.of("candidate")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        String token = jws.getCompactSerialization();
        JwtConsumer consumer = new JwtConsumerBuilder().setExpectedIssuer("bench").setExpectedAudience("debrief-api")
                .setRequireExpirationTime().setVerificationKey(key.getPublicKey()).build();
        VerifiedTokenCache<JwtClaims> cache = new VerifiedTokenCache<>(10_000, Duration.ofSeconds(60));
        cache.put(token, consumer.processToClaims(token), claims.getExpirationTime().getValue());

        int n = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {   // the first rounds warm the JIT up; the last one counts
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                if (consumer.processToClaims(token) == null) throw new IllegalStateException();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                if (cache.get(token) == null) throw new IllegalStateException();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: verify %.1f µs CPU/token, cache hit %.2f µs CPU/token (token %d chars)%n",
                    round, (t1 - t0) / 1000.0 / n, (t2 - t1) / 1000.0 / n, token.length());
        }
    }
}
