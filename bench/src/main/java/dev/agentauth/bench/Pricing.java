package dev.agentauth.bench;

import java.util.Map;

/**
 * List prices (us-east-1, on-demand) used to turn counted calls into a cost per million
 * operations. Lambda at 1024 MB on arm64, billed per ms of the measured warm duration.
 */
final class Pricing {

    static final double DYNAMODB_PER_MILLION_RRU = 0.125;
    static final double DYNAMODB_PER_MILLION_WRU = 0.625;
    static final double SECRETS_MANAGER_PER_MILLION_CALLS = 5.00;   // $0.05 per 10,000
    static final double KMS_PER_MILLION_REQUESTS = 3.00;            // $0.03 per 10,000
    static final double EVENTBRIDGE_PER_MILLION_EVENTS = 1.00;
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    static final double LAMBDA_MEMORY_GB = 1.0;

    private Pricing() {}

    record Cost(double dynamoDb, double secretsManager, double kms, double eventBridge, double lambda) {
        double aws() {
            return dynamoDb + secretsManager + kms + eventBridge;
        }

        double total() {
            return aws() + lambda;
        }
    }

    /** Dollars per million operations making these calls and lasting {@code durationMs}. */
    static Cost perMillion(Map<String, Integer> calls, double rru, double wru, int eventEntries, double durationMs) {
        int secrets = 0;
        int kms = 0;
        for (Map.Entry<String, Integer> e : calls.entrySet()) {
            String service = e.getKey().substring(0, e.getKey().indexOf('.')).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            if (service.equals("secretsmanager")) secrets += e.getValue();
            if (service.equals("kms")) kms += e.getValue();
        }
        double billedSeconds = Math.ceil(Math.max(1, durationMs)) / 1000.0;
        return new Cost(
                rru * DYNAMODB_PER_MILLION_RRU + wru * DYNAMODB_PER_MILLION_WRU,
                secrets * SECRETS_MANAGER_PER_MILLION_CALLS,
                kms * KMS_PER_MILLION_REQUESTS,
                eventEntries * EVENTBRIDGE_PER_MILLION_EVENTS,
                LAMBDA_PER_MILLION_REQUESTS + 1_000_000 * billedSeconds * LAMBDA_MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND);
    }
}
