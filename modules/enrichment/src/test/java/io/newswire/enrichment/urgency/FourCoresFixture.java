package io.newswire.enrichment.urgency;

import io.newswire.enrichment.text.ReportText;

import java.util.List;

/**
 * A handwritten Arabic report of the Syria desk's usual shape (our own text): parties by abbreviation, sourced and
 * unsourced figures, a caption, a bio. About 2 KB of UTF-8 in headline, body and caption together.
 */
public final class FourCoresFixture {

    public static final String HEADLINE = "عاجل: مقتل ١٤ مدنياً بقصف على ريف إدلب وقسد تعلن صد هجوم لداعش";
    public static final String BODY = String.join("\n",
            "قُتل ١٤ مدنياً بينهم أطفال وأصيب أكثر من 30 آخرين جراء قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي صباح اليوم، "
                    + "وفقاً لـ مصادر طبية في المنطقة.",
            "وقال مراسلنا في ريف إدلب إن القصف مصدره مواقع الجيش السوري قرب المدينة، وإن فرق الدفاع المدني انتشلت الضحايا من تحت الأنقاض.",
            "ونقل المراسل عن مصدر في الهلال الأحمر العربي السوري أن سيارات الإسعاف نقلت الجرحى إلى مشفى المدينة، "
                    + "فيما أشار المرصد السوري لحقوق الإنسان إلى أن عدد القتلى مرشح للارتفاع.",
            "في سياق متصل، أعلنت قوات سوريا الديمقراطية في بيان لها أن مقاتليها صدوا هجوماً شنه عناصر تنظيم داعش على نقطة عسكرية في ريف دير الزور الشرقي، "
                    + "وأكدت أن الهجوم أسفر عن مقتل ثلاثة من عناصر التنظيم.",
            "واتهمت الإدارة الذاتية خلايا التنظيم بالوقوف وراء سلسلة اغتيالات طالت وجهاء عشائر في المنطقة خلال الأسابيع الماضية.",
            "ويعيش في مخيمات النزوح شمال غربي سوريا مئات الآلاف من النازحين الذين فروا من المعارك، بحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية.",
            "وتشهد المنطقة تصعيداً عسكرياً متواصلاً منذ أسابيع رغم اتفاق وقف إطلاق النار.");
    public static final String CAPTION = "عناصر الدفاع المدني ينتشلون ضحايا القصف في ريف إدلب";
    public static final String BIO = "صحفي يغطي شؤون الشمال السوري منذ سنوات";

    private FourCoresFixture() {
    }

    public static ReportText report() {
        return new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, HEADLINE),
                new ReportText.Field(ReportText.BODY, BODY), new ReportText.Field(ReportText.CAPTION, CAPTION),
                new ReportText.Field(ReportText.BIO, BIO)));
    }
}
