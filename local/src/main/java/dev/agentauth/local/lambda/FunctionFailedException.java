package dev.agentauth.local.lambda;

/** The function threw instead of answering (Lambda reports this as a function error). */
public final class FunctionFailedException extends RuntimeException {
    public FunctionFailedException(String functionId, Throwable cause) {
        super(functionId + " failed: " + cause.getClass().getName(), cause);
    }
}
