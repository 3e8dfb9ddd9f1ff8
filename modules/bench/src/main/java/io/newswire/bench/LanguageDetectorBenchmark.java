package io.newswire.bench;

import io.newswire.enrichment.language.LanguageDetection;
import io.newswire.enrichment.language.ReportLanguageDetector;
import io.newswire.enrichment.text.ReportText;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which languages and which Lingua accuracy mode should {@link ReportLanguageDetector} use, how much text should it
 * read, and may it call Arabic by its letters without Lingua? Each configuration (language set x low/high accuracy)
 * runs in a child JVM of its own, because Lingua keeps its models in static maps: a second configuration in the same
 * JVM would find them loaded.
 *
 * <p>Per configuration it measures the heap the models hold (used heap after GC, before and after building the
 * detector), the time to build it with the models preloaded, accuracy on 60 short labelled headlines of our own in
 * Arabic (some with Latin names, some without hamza, with tatweel or harakat), English and French, plus 9 in
 * Persian (two typed with Arabic ي and ك, as an Arabic keyboard would), Urdu and Sorani Kurdish (does an
 * Arabic-script text that is not Arabic come out as Arabic?), how many wrong answers were confident enough to raise
 * a mismatch warning, and CPU time per report (process CPU time, because Lingua scores on the common fork-join pool)
 * when the detector reads the headline and the first 200, 400 or 800 body characters or the whole report, over six
 * reports of 1.3 KB on average in UTF-8 (four Arabic, one English, one French). Each of these with and without the Arabic-by-letters
 * rule.
 *
 * <p>Run: {@code modules/bench/run LanguageDetectorBenchmark} (prints two tables; {@code -v} also lists every wrong
 * headline).
 */
public final class LanguageDetectorBenchmark {

    private static final String RESULT = "RESULT\t";
    private static final int[] SAMPLES = {200, 400, 800, 0};
    private static final int TIMED_REPORTS = 2_000;
    private static final int PASSES = 3;
    private static final List<String[]> CONFIGS = List.of(
            new String[] {"ar,en,fr", "low"}, new String[] {"ar,en,fr", "high"},
            new String[] {"ar,en,fr,fa", "low"}, new String[] {"ar,en,fr,fa", "high"},
            new String[] {"ar,en,fr,fa,ur", "low"}, new String[] {"ar,en,fr,fa,ur", "high"});

    /** label, headline. Labels: ar, ar-latin (Latin names in it), ar-bare (no hamza), ar-tatweel, en, fr; fa, ur, ckb. */
    private static final String[][] HEADLINES = {
        {"ar", "قصف مدفعي يستهدف أحياء سكنية في ريف إدلب الجنوبي"},
        {"ar", "مقتل ثلاثة مدنيين بانفجار عبوة ناسفة في مدينة الباب"},
        {"ar", "وزير الخارجية يلتقي نظيره التركي في أنقرة لبحث ملف اللاجئين"},
        {"ar", "ارتفاع أسعار الخبز في دمشق بعد قرار حكومي جديد"},
        {"ar", "انقطاع الكهرباء عن معظم أحياء حلب لليوم الثالث"},
        {"ar", "الأمم المتحدة تحذر من نقص حاد في المساعدات شمال سوريا"},
        {"ar", "مظاهرات في السويداء تطالب بتحسين الأوضاع المعيشية"},
        {"ar", "عودة مئات العائلات النازحة إلى قراها في ريف حماة"},
        {"ar", "عاجل: قصف على حلب"},
        {"ar", "هدنة في الجنوب"},
        {"ar", "اشتباكات عنيفة في درعا البلد"},
        {"ar", "مَقتلُ طفلين بقصفٍ جويٍّ على بلدة كفرنبل"},
        {"ar-latin", "قوات SDF تعلن السيطرة على قرية جديدة شرق دير الزور"},
        {"ar-latin", "منظمة Human Rights Watch تطالب بتحقيق مستقل في الهجوم"},
        {"ar-latin", "مراسل BBC: الاشتباكات مستمرة في محيط المطار"},
        {"ar-latin", "شركة Total تعلق أعمالها في حقل العمر النفطي"},
        {"ar-latin", "تقرير لـ Reuters عن مفاوضات سرية بين الطرفين"},
        {"ar-latin", "وكالة AFP تنقل عن مصدر عسكري أن الهجوم صُدّ"},
        {"ar-bare", "امس قتل اربعة اشخاص في قصف على ريف ادلب"},
        {"ar-bare", "الامم المتحدة تدعو الى وقف اطلاق النار فورا"},
        {"ar-bare", "انباء عن انسحاب المقاتلين من الاحياء الشرقية"},
        {"ar-bare", "اهالي القرية يطالبون باعادة فتح الطريق"},
        {"ar-tatweel", "الرقـــة: خـــروج مئـــات المدنيين من الحصار"},
        {"ar-tatweel", "عـــاجل: انفجـــار قوي يهز وسط المدينة"},
        {"en", "Shelling hits residential districts in southern Idlib countryside"},
        {"en", "Three civilians killed in roadside bomb blast in al-Bab"},
        {"en", "UN warns of severe food aid shortfall in northern Syria"},
        {"en", "Bread prices rise in Damascus after new government decision"},
        {"en", "Hundreds of displaced families return to villages near Hama"},
        {"en", "Power cut across most of Aleppo for a third day"},
        {"en", "Protesters in Sweida demand better living conditions"},
        {"en", "Foreign minister meets Turkish counterpart in Ankara over refugees"},
        {"en", "Clashes continue near the airport, witnesses say"},
        {"en", "Kurdish-led forces say they captured a village east of Deir ez-Zor"},
        {"en", "Aid convoy reaches besieged town after weeks of talks"},
        {"en", "Ceasefire largely holding in the south"},
        {"en", "Breaking: strong explosion shakes city centre"},
        {"en", "Families flee Raqqa as fighting intensifies"},
        {"en", "Talks between Damascus and the SDF stall again"},
        {"en", "Hospital in Maarat al-Numan out of service after strike"},
        {"en", "Schools reopen in Daraa despite security fears"},
        {"en", "Fuel shortage leaves bakeries idle"},
        {"fr", "Des bombardements frappent des quartiers résidentiels au sud d'Idleb"},
        {"fr", "Trois civils tués par l'explosion d'une bombe artisanale à al-Bab"},
        {"fr", "L'ONU met en garde contre une grave pénurie d'aide alimentaire"},
        {"fr", "Le prix du pain augmente à Damas après une décision du gouvernement"},
        {"fr", "Des centaines de familles déplacées regagnent leurs villages près de Hama"},
        {"fr", "Coupure d'électricité dans la plupart des quartiers d'Alep"},
        {"fr", "Des manifestants réclament de meilleures conditions de vie à Soueïda"},
        {"fr", "Le ministre des Affaires étrangères rencontre son homologue turc"},
        {"fr", "Les combats se poursuivent près de l'aéroport, selon des témoins"},
        {"fr", "Un convoi humanitaire atteint la ville assiégée"},
        {"fr", "Le cessez-le-feu est globalement respecté dans le sud"},
        {"fr", "Urgent : forte explosion dans le centre-ville"},
        {"fr", "Des familles fuient Raqqa alors que les combats s'intensifient"},
        {"fr", "Les négociations entre Damas et les FDS sont de nouveau bloquées"},
        {"fr", "Un hôpital hors service après une frappe aérienne"},
        {"fr", "Réouverture des écoles à Deraa malgré les craintes"},
        {"fr", "La pénurie de carburant paralyse les boulangeries"},
        {"fr", "Rencontre à Genève entre les délégations"},
        {"fa", "سه غیرنظامی در حمله هوایی در شمال سوریه کشته شدند"},
        {"fa", "وزیر امور خارجه ایران به دمشق سفر کرد"},
        {"fa", "قیمت نان در تهران دوباره افزایش یافت"},
        {"ur", "شام کے شمالی علاقے میں فضائی حملے میں تین شہری ہلاک"},
        {"ur", "اقوام متحدہ نے امداد کی کمی سے خبردار کیا"},
        {"fa-ar-letters", "وزير امور خارجه ايران به دمشق سفر كرد"},
        {"fa-ar-letters", "قيمت نان در تهران دوباره افزايش يافت"},
        {"ckb", "سێ هاوڵاتی لە هێرشێکی ئاسمانیدا کوژران"},
        {"ckb", "وەزیری دەرەوە سەردانی دیمەشقی کرد"},
    };

    /** label, headline, body paragraphs. Written for this benchmark, 1 to 1.6 KB each in UTF-8. */
    private static final String[][] REPORTS = {
        {"ar", "قصف مدفعي يستهدف بلدات في ريف إدلب الجنوبي ويوقع قتلى",
            "قُتل أربعة مدنيين وأصيب آخرون بجروح، صباح اليوم، جراء قصف مدفعي استهدف بلدتي كفرنبل وحاس في ريف إدلب الجنوبي، بحسب ما أفاد به ناشطون محليون ومصادر في الدفاع المدني.",
            "وقال مراسلنا في المنطقة إن القذائف سقطت على الأحياء السكنية قرابة الساعة السابعة صباحاً، ما أدى إلى دمار جزئي في عدد من المنازل وحريق في أحد المحال التجارية، فيما عملت فرق الإسعاف على نقل المصابين إلى المشافي القريبة.",
            "وأضاف أن حركة نزوح بدأت من البلدتين باتجاه المخيمات القريبة من الحدود التركية، وسط مخاوف الأهالي من تجدد القصف خلال الساعات المقبلة، خاصة مع تحليق طائرات الاستطلاع في سماء المنطقة منذ ليلة أمس.",
            "ويأتي هذا التصعيد بعد أيام من هدوء حذر شهدته خطوط التماس، في وقت تتبادل فيه الأطراف الاتهامات بخرق اتفاق وقف إطلاق النار الموقع في وقت سابق من العام الجاري.",
            "ولم تصدر أي جهة رسمية تعليقاً على القصف حتى ساعة إعداد هذا التقرير، في حين طالبت منظمات إنسانية عاملة في الشمال السوري بتحييد المدنيين وتأمين ممرات آمنة لهم."},
        {"ar", "ارتفاع جديد في اسعار الخبز والمحروقات في مدينة الرقة",
            "شهدت اسواق مدينة الرقة امس ارتفاعا جديدا في اسعار الخبز والمحروقات، بعد قرار الادارة المحلية رفع سعر ربطة الخبز للمرة الثانية خلال شهرين، وسط استياء واسع بين الاهالي.",
            "وقال احد اصحاب الافران لمراسلنا ان ارتفاع سعر الطحين وقلة المازوت اجبرا الافران على تقليص ساعات العمل، مشيرا الى ان بعض الافران الخاصة اغلقت ابوابها بشكل كامل منذ بداية الشهر.",
            "واوضح موظف في احدى الدوائر الحكومية ان راتبه الشهري لم يعد يكفي لشراء حاجات اسرته الاساسية لاكثر من عشرة ايام، وان كثيرا من العائلات باتت تعتمد على الحوالات المالية القادمة من ابنائها في الخارج.",
            "وتعاني مناطق شمال وشرق سوريا من ازمة اقتصادية متفاقمة، مع تراجع قيمة الليرة السورية امام الدولار وانخفاض المساعدات المقدمة من المنظمات الدولية خلال العام الحالي، بحسب ما يقول تجار في سوق المدينة القديم."},
        {"ar", "مصادر: مفاوضات بين SDF وفصائل محلية برعاية أمريكية في دير الزور",
            "كشفت مصادر مطلعة لـ Newswire أن جولة جديدة من المفاوضات عُقدت يوم الأحد الماضي في قاعدة تابعة للتحالف الدولي قرب حقل العمر النفطي، بين قيادات من قوات سوريا الديمقراطية (SDF) وممثلين عن عشائر المنطقة.",
            "وبحسب المصادر، فإن المفاوضات تناولت ملفات إدارة المعابر النهرية وتوزيع عائدات النفط، إضافة إلى الإفراج عن عدد من المعتقلين الذين اعتقلوا خلال الحملات الأمنية الأخيرة في بلدات الشحيل والبصيرة وذيبان.",
            "وأشارت إلى أن ممثلاً عن وزارة الخارجية الأمريكية حضر الاجتماع، وأن الطرفين اتفقا على تشكيل لجنة مشتركة تجتمع بشكل دوري لمتابعة تنفيذ البنود المتفق عليها، دون الكشف عن موعد الاجتماع المقبل.",
            "من جهته، نفى المتحدث باسم المجلس العسكري في تصريح لوكالة Reuters وجود أي خلافات جوهرية مع العشائر، مؤكداً أن التنسيق مستمر لمواجهة خلايا تنظيم ISIS التي تنشط في البادية."},
        {"ar", "Aid convoy reaches besieged town near Daraa",
            "وصلت قافلة مساعدات إنسانية أممية، مساء أمس، إلى بلدة محاصرة في ريف درعا الغربي، بعد أسابيع من المفاوضات بين اللجان المحلية والجهات المسيطرة على الطرق المؤدية إليها.",
            "وضمت القافلة عشرين شاحنة محملة بالمواد الغذائية والأدوية وحليب الأطفال، وجرى تفريغ حمولتها في مستودع تابع للمجلس المحلي تمهيداً لتوزيعها على العائلات المسجلة لدى المنظمات العاملة في المنطقة.",
            "وقال عضو في المجلس إن الكميات التي وصلت لا تغطي سوى جزء من الاحتياجات، مطالباً بفتح الطريق بشكل دائم أمام الحركة التجارية وعودة الموظفين والطلاب إلى أعمالهم ومدارسهم.",
            "وأشار إلى أن أكثر من ثلاثة آلاف عائلة تعيش في البلدة منذ بدء الحصار، وأن نقص الأدوية المزمنة أدى إلى وفاة عدد من كبار السن خلال الأشهر الماضية."},
        {"en", "Clashes between tribal fighters and Kurdish-led forces spread east of Deir ez-Zor",
            "Clashes between Arab tribal fighters and the Kurdish-led Syrian Democratic Forces spread to three more villages east of Deir ez-Zor on Sunday, residents and local activists said, in the most serious fighting in the province this year.",
            "At least seven people were killed, among them two civilians caught in crossfire on the main road between al-Busayrah and Dhiban, according to a medical worker at a field clinic who asked not to be named for fear of reprisals.",
            "The SDF said in a statement that its units had been attacked by \"cells linked to the government\" and that it had restored order in most areas. Tribal leaders rejected that account, saying the fighting began after the arrest of a well-known local figure.",
            "Hundreds of families left their homes overnight, heading for the desert or for relatives in Raqqa province. Aid groups warned that water pumping stations along the river had stopped working because of power cuts.",
            "The U.S.-led coalition, which keeps troops at several bases in the area, called on all sides to show restraint and return to talks."},
        {"fr", "À Alep, la pénurie de carburant paralyse les boulangeries",
            "La pénurie de carburant qui frappe Alep depuis le début du mois a contraint plusieurs boulangeries à réduire leur production, obligeant les habitants à faire la queue pendant des heures pour obtenir quelques galettes de pain, ont rapporté mardi des témoins.",
            "Selon un commerçant du quartier de Salaheddine, le prix du litre de mazout au marché noir a presque doublé en deux semaines. « Nous ne pouvons plus travailler plus de quatre heures par jour », a-t-il expliqué, en précisant que ses employés n'étaient plus payés qu'à moitié.",
            "Les autorités locales ont promis l'arrivée prochaine de nouvelles livraisons, sans avancer de date. Des organisations humanitaires s'inquiètent de l'impact de la crise sur les familles les plus pauvres, à l'approche de l'hiver, et appellent à une aide d'urgence."},
    };

    /** Keeps the timed results alive so the JIT cannot drop the calls. */
    private static volatile int blackhole;

    private LanguageDetectorBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--child")) {
            child(Set.of(args[1].split(",")), args[2].equals("low"), args.length > 3 && args[3].equals("-v"));
            return;
        }
        final boolean verbose = args.length > 0 && args[0].equals("-v");
        System.out.printf(Locale.ROOT, "reports: %d, average %.0f bytes UTF-8; headlines: %d labelled ar/en/fr + %d fa/ur/ckb%n",
                REPORTS.length, averageReportBytes(), countLabels(false), countLabels(true));
        final List<String[]> results = new ArrayList<>();
        for (final String[] config : CONFIGS) {
            results.addAll(runChild(config[0], config[1], verbose));
        }
        System.out.println();
        System.out.println("| languages | mode | Arabic by letters | heap held | build+preload | headlines right (ar/en/fr) | no answer | wrong, would warn | max conf. of a wrong one | fa/ur/ckb right | fa/ur/ckb called ar |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (final String[] r : results) {
            if (r[0].equals("config")) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s MB | %s s | %s | %s | %s | %s | %s | %s |%n",
                        r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]);
            }
        }
        System.out.println();
        System.out.println("CPU µs per report (fastest of " + PASSES + " passes of " + TIMED_REPORTS + "), reading the headline and the first 200 / 400 / 800 body characters / the whole report");
        System.out.println();
        System.out.println("| languages | mode | Arabic by letters | Arabic reports | English and French reports | 80 % Arabic mix | reports right |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (final String[] r : results) {
            if (r[0].equals("timing")) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
            }
        }
    }

    private static List<String[]> runChild(final String languages, final String mode, final boolean verbose) throws Exception {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                LanguageDetectorBenchmark.class.getName(), "--child", languages, mode));
        if (verbose) {
            command.add("-v");
        }
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final List<String[]> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    results.add(line.substring(RESULT.length()).split("\t"));
                } else if (!line.isBlank()) {
                    System.out.println("  [" + languages + " " + mode + "] " + line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("child " + languages + " " + mode + " exited with " + process.exitValue());
        }
        return results;
    }

    private static void child(final Set<String> languages, final boolean low, final boolean verbose) throws Exception {
        final String mode = low ? "low" : "high";
        final String set = String.join(",", new TreeSet<>(languages));
        final ReportLanguageDetector.Settings settings = ReportLanguageDetector.Settings.defaults()
                .withLanguages(languages).withLowAccuracy(low);
        final long heapBefore = usedHeapAfterGc();
        final long buildStart = System.nanoTime();
        final ReportLanguageDetector built = new ReportLanguageDetector(settings.withArabicByLetters(false));
        final double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        final long heapAfter = usedHeapAfterGc();
        final String heap = String.format(Locale.ROOT, "%.1f", (heapAfter - heapBefore) / 1024.0 / 1024.0);
        final String build = String.format(Locale.ROOT, "%.2f", buildSeconds);
        final List<ReportText> reports = new ArrayList<>();
        for (final String[] report : REPORTS) {
            reports.add(report(report));
        }
        for (final boolean byLetters : new boolean[] {false, true}) {
            // the models are loaded once per JVM; this second detector finds them there
            final ReportLanguageDetector detector = byLetters ? new ReportLanguageDetector(settings) : built;
            headlines(detector, set, mode, byLetters, heap, build, verbose);
            final StringBuilder arabic = new StringBuilder();
            final StringBuilder latin = new StringBuilder();
            final StringBuilder mix = new StringBuilder();
            int reportsRight = 0;
            for (final int sample : SAMPLES) {
                final ReportLanguageDetector sized = new ReportLanguageDetector(settings.withArabicByLetters(byLetters).withSampleChars(sample));
                for (int i = 0; i < REPORTS.length; i++) {
                    reportsRight += REPORTS[i][0].equals(sized.detect(reports.get(i), REPORTS[i][0]).language()) ? 1 : 0;
                }
                final double arabicMicros = cpuMicrosPerReport(sized, reports, "ar");
                final double latinMicros = cpuMicrosPerReport(sized, reports, "latin");
                final String separator = arabic.length() == 0 ? "" : " / ";
                arabic.append(separator).append(String.format(Locale.ROOT, "%.0f", arabicMicros));
                latin.append(separator).append(String.format(Locale.ROOT, "%.0f", latinMicros));
                mix.append(separator).append(String.format(Locale.ROOT, "%.0f", 0.8 * arabicMicros + 0.2 * latinMicros));
            }
            System.out.println(RESULT + String.join("\t", "timing", set, mode, byLetters ? "yes" : "no", arabic.toString(),
                    latin.toString(), mix.toString(), reportsRight + "/" + REPORTS.length * SAMPLES.length));
        }
    }

    private static void headlines(final ReportLanguageDetector detector, final String set, final String mode,
                                  final boolean byLetters, final String heap, final String build, final boolean verbose) {
        int right = 0;
        int none = 0;
        int wouldWarn = 0;
        int labelled = 0;
        double maxWrongConfidence = 0;
        int otherRight = 0;
        int otherArabic = 0;
        int other = 0;
        for (final String[] headline : HEADLINES) {
            final String label = headline[0].split("-")[0];
            final boolean otherScript = isOtherScript(label);
            final LanguageDetection d = detector.detect(headlineOnly(headline[1]), label);
            final boolean correct = label.equals(d.language());
            if (otherScript) {
                other++;
                otherRight += correct ? 1 : 0;
                otherArabic += "ar".equals(d.language()) ? 1 : 0;
            } else {
                labelled++;
                right += correct ? 1 : 0;
                none += d.language() == null ? 1 : 0;
                if (!correct && d.language() != null) {
                    maxWrongConfidence = Math.max(maxWrongConfidence, d.confidence());
                }
                wouldWarn += d.warnings().isEmpty() ? 0 : 1;
            }
            if (verbose && !correct) {
                System.out.printf(Locale.ROOT, "letters %s, wrong: %s -> %s %s %s  %s%n", byLetters ? "on" : "off",
                        headline[0], d.language(), d.confidence(), d.rule(), headline[1]);
            }
        }
        System.out.println(RESULT + String.join("\t", "config", set, mode, byLetters ? "yes" : "no", heap, build,
                right + "/" + labelled, String.valueOf(none), String.valueOf(wouldWarn),
                String.format(Locale.ROOT, "%.3f", maxWrongConfidence), otherRight + "/" + other, otherArabic + "/" + other));
    }

    /** Fastest of PASSES timed passes over the reports of one kind ("ar" or "latin"), after a warm-up pass. */
    private static double cpuMicrosPerReport(final ReportLanguageDetector detector, final List<ReportText> reports,
                                             final String kind) {
        final List<ReportText> chosen = new ArrayList<>();
        for (int i = 0; i < REPORTS.length; i++) {
            if (REPORTS[i][0].equals("ar") == kind.equals("ar")) {
                chosen.add(reports.get(i));
            }
        }
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass <= PASSES; pass++) {
            final long cpuStart = processCpuNanos();
            int sink = 0;
            for (int i = 0; i < TIMED_REPORTS; i++) {
                sink += detector.detect(chosen.get(i % chosen.size()), "ar").warnings().size();
            }
            blackhole += sink;
            if (pass > 0) { // pass 0 warms up
                best = Math.min(best, (processCpuNanos() - cpuStart) / 1e3 / TIMED_REPORTS);
            }
        }
        return best;
    }

    private static boolean isOtherScript(final String label) {
        return label.equals("fa") || label.equals("ur") || label.equals("ckb");
    }

    private static int countLabels(final boolean otherScript) {
        int n = 0;
        for (final String[] headline : HEADLINES) {
            n += isOtherScript(headline[0].split("-")[0]) == otherScript ? 1 : 0;
        }
        return n;
    }

    private static double averageReportBytes() {
        long bytes = 0;
        for (final String[] report : REPORTS) {
            for (int i = 1; i < report.length; i++) {
                bytes += report[i].getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes / (double) REPORTS.length;
    }

    private static ReportText headlineOnly(final String headline) {
        return new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, headline)));
    }

    private static ReportText report(final String[] report) {
        return new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, report[1]),
                new ReportText.Field(ReportText.BODY, String.join("\n", List.of(report).subList(2, report.length)))));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        final Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
