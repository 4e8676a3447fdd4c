package dev.agentauth.adapters.scheduling;

/** Key format of run markers. */
final class RunKeys {

    static final String SK = "RUN";

    private RunKeys() {}

    static String pk(String job, String runId) {
        return "RUN#" + job + "#" + runId;
    }
}
