package dev.agentauth.functions.accounts;

/** The plain page the callback shows: inline style only, no scripts, no external resource. */
final class CallbackPage {

    private CallbackPage() {}

    static String render(String title, String message) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
                </head><body><h1>%s</h1><p>%s</p></body></html>
                """.formatted(escape(title), escape(title), escape(message));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
