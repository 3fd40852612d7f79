package dev.veritas.bench;

import java.util.Random;

/**
 * A news article with the weight of a real one, made up the same way on every run: about 300 KB of markup (a long
 * navigation, a 2,500-word article, related stories with images, comments, a link-heavy footer), a style sheet, a
 * script bundle of about 150 KB, lazy "more stories" fetched by script after load, an analytics beacon every
 * second and a live-updates request the server holds open — the requests that keep a real news page's network
 * busy long after it has loaded.
 */
final class NewsPage {
    private static final String[] WORDS = ("the council said on tuesday that a review of the harbour project would be published before "
            + "winter after residents raised concerns about traffic noise and the cost of the new sea wall which engineers expect to "
            + "protect homes along the estuary for fifty years while critics argue the money could be better spent on schools "
            + "buses and the hospital whose emergency department has struggled with long waits since the spring").split(" ");

    private NewsPage() {}

    static String html() {
        Random r = new Random(13);
        StringBuilder b = new StringBuilder(320_000);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>Harbour wall review due before winter | The Estuary Gazette</title>")
                .append("<meta name=\"description\" content=\"The council will publish its review of the harbour project before winter.\">")
                .append("<link rel=\"stylesheet\" href=\"/news.css\"><script src=\"/bundle.js\" defer></script></head><body>");
        b.append("<header><a href=\"/\" class=\"logo\">The Estuary Gazette</a><nav>");
        for (int i = 0; i < 120; i++) {
            b.append("<a href=\"/section/").append(i).append("\">").append(words(r, 2)).append("</a> ");
        }
        b.append("</nav></header><main><article><h1>Harbour wall review due before winter</h1>")
                .append("<p class=\"byline\">By Ana Ruiz, local affairs correspondent · 3 January 2019</p>")
                .append("<figure><img src=\"/img/lead.svg\" width=\"960\" height=\"540\" alt=\"The estuary at low tide\"><figcaption>")
                .append(words(r, 12)).append("</figcaption></figure>");
        for (int i = 0; i < 60; i++) {
            b.append("<p>").append(capitalised(words(r, 35 + r.nextInt(20)))).append(".</p>");
            if (i % 12 == 11) {
                b.append("<aside class=\"ad\"><img src=\"/img/ad").append(i).append(".svg\" width=\"300\" height=\"250\" alt=\"Advertisement\"></aside>");
            }
        }
        b.append("</article><section id=\"related\"><h2>Related stories</h2>");
        for (int i = 0; i < 24; i++) {
            b.append("<div class=\"card\"><a href=\"/story/").append(1000 + i).append("\"><img loading=\"lazy\" src=\"/img/card").append(i)
                    .append(".svg\" width=\"320\" height=\"180\" alt=\"\"><h3>").append(capitalised(words(r, 8))).append("</h3></a><p>")
                    .append(capitalised(words(r, 25))).append(".</p></div>");
        }
        b.append("</section><div id=\"more\"></div><section id=\"comments\"><h2>Comments</h2>");
        for (int i = 0; i < 80; i++) {
            b.append("<div class=\"comment\"><b>reader").append(i).append("</b><p>").append(capitalised(words(r, 20 + r.nextInt(30))))
                    .append(".</p></div>");
        }
        b.append("</section></main><footer>");
        for (int i = 0; i < 150; i++) {
            b.append("<a href=\"/about/").append(i).append("\">").append(words(r, 2)).append("</a> ");
        }
        b.append("<p>© 2019 The Estuary Gazette · <a href=\"/privacy\">Privacy</a> · <a href=\"/terms\">Terms</a> · ")
                .append("<a href=\"/contact\">Contact us</a></p></footer>")
                .append("<script>setTimeout(() => fetch('/more').then(r => r.text()).then(t => document.getElementById('more').innerHTML = t), 300);")
                .append("setInterval(() => navigator.sendBeacon ? navigator.sendBeacon('/beacon', 'ping') : fetch('/beacon'), 1000);")
                .append("fetch('/live').catch(() => {});</script></body></html>");
        return b.toString();
    }

    static String css() {
        StringBuilder b = new StringBuilder();
        b.append("body{font:18px/1.6 Georgia,serif;margin:0;color:#222}header{background:#052962;color:#fff;padding:8px}")
                .append("header a{color:#fff;margin-right:6px;font:14px sans-serif}article{max-width:720px;margin:auto}")
                .append(".card{display:inline-block;width:320px;vertical-align:top;margin:8px}.ad{float:right;margin:8px}");
        for (int i = 0; i < 600; i++) {
            b.append(".c").append(i).append("{margin:").append(i % 7).append("px;padding:").append(i % 5).append("px;color:#")
                    .append(String.format("%06x", i * 2713 & 0xffffff)).append("}");
        }
        return b.toString();
    }

    /** A script bundle of about 150 KB that the browser must parse and run, as a real site's framework would be. */
    static String bundle() {
        StringBuilder b = new StringBuilder(160_000);
        b.append("(function(){var m={};");
        for (int i = 0; i < 1500; i++) {
            b.append("m.f").append(i).append("=function(a,b){var s=0;for(var k=0;k<(a||3);k++){s+=k*").append(i % 17)
                    .append("+(b||1);}return s+'").append(i).append("';};");
        }
        b.append("var n=0;for(var k in m){n+=m[k](2,1).length;}document.documentElement.dataset.bundle=n;})();");
        return b.toString();
    }

    static String more() {
        Random r = new Random(7);
        StringBuilder b = new StringBuilder("<h2>More stories</h2>");
        for (int i = 0; i < 12; i++) {
            b.append("<p><a href=\"/story/").append(2000 + i).append("\">").append(capitalised(words(r, 9))).append("</a></p>");
        }
        return b.toString();
    }

    static String svg(String name) {
        int h = Math.abs(name.hashCode());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"180\"><rect width=\"320\" height=\"180\" fill=\"#"
                + String.format("%06x", h & 0xffffff) + "\"/><circle cx=\"160\" cy=\"90\" r=\"" + (20 + h % 60) + "\" fill=\"#fff\"/></svg>";
    }

    private static String words(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
