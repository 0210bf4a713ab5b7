//! Writes a synthetic campaign site of any size, for the benchmark (`bench/run`):
//!
//!     cargo run --release --example corpus -- --people 10000 --out /tmp/corpus [--seed 1]
//!         [--photos-from DIR]
//!
//! `--photos-from DIR` gives every person a photo, copied in turn from the JPEG and PNG files of DIR
//! (real photographs, for measuring what a site weighs: README, "Size"); the rest of the corpus is
//! the same.
//!
//! N people in English and Azerbaijani (biographies of about 600 words with headings, lists and links
//! to other people; a third with a photo; one in ten with a fenced code block), statements naming
//! people and signed by organisations, organisations, charges, prisons, cases, professions, ordinary
//! pages and an infographics page with charts. The same seed gives the same corpus, byte for byte:
//! the random numbers come from splitmix64 below, not from a crate whose stream could change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Rng(u64);

impl Rng {
    /// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and its stream is fixed forever.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const FIRST_M: &[(&str, &str)] = &[
    ("Anar", "Anar"),
    ("Ilkin", "İlkin"),
    ("Tofig", "Tofiq"),
    ("Bahruz", "Bəhruz"),
    ("Rashad", "Rəşad"),
    ("Famil", "Famil"),
    ("Gubad", "Qubad"),
    ("Ruslan", "Ruslan"),
    ("Ulvi", "Ülvi"),
    ("Zaur", "Zaur"),
    ("Akif", "Akif"),
    ("Hafiz", "Hafiz"),
    ("Elchin", "Elçin"),
    ("Vugar", "Vüqar"),
    ("Murad", "Murad"),
    ("Emin", "Emin"),
    ("Tural", "Tural"),
    ("Ramil", "Ramil"),
];
const FIRST_F: &[(&str, &str)] = &[
    ("Sevinj", "Sevinc"),
    ("Nargiz", "Nərgiz"),
    ("Elnara", "Elnarə"),
    ("Aytaj", "Aytac"),
    ("Gunel", "Günel"),
    ("Leyla", "Leyla"),
    ("Khadija", "Xədicə"),
    ("Ulviyya", "Ülviyyə"),
    ("Shahnaz", "Şahnaz"),
    ("Arzu", "Arzu"),
];
const LAST: &[(&str, &str)] = &[
    ("Mammadli", "Məmmədli"),
    ("Abdulla", "Abdulla"),
    ("Khalilov", "Xəlilov"),
    ("Gasimova", "Qasımova"),
    ("Huseynov", "Hüseynov"),
    ("Aliyeva", "Əliyeva"),
    ("Rustamzade", "Rüstəmzadə"),
    ("Yagublu", "Yaqublu"),
    ("Hasanli", "Həsənli"),
    ("Ibadoglu", "İbadoğlu"),
    ("Babali", "Babalı"),
    ("Samadov", "Səmədov"),
    ("Orujov", "Orucov"),
    ("Izzatli", "İzzətli"),
    ("Gurbanli", "Qurbanlı"),
    ("Akhundov", "Axundov"),
    ("Zeynal", "Zeynal"),
    ("Eminov", "Eminov"),
    ("Vagifgizi", "Vaqifqızı"),
    ("Absalamova", "Absalamova"),
];

const WORDS_EN: &[&str] = &[
    "the",
    "journalist",
    "court",
    "investigation",
    "was",
    "arrested",
    "in",
    "Baku",
    "after",
    "reporting",
    "on",
    "corruption",
    "and",
    "human",
    "rights",
    "organisations",
    "called",
    "for",
    "release",
    "of",
    "colleagues",
    "charges",
    "smuggling",
    "trial",
    "appeal",
    "lawyer",
    "family",
    "visits",
    "prison",
    "conditions",
    "independent",
    "media",
    "authorities",
    "denied",
    "access",
    "to",
    "evidence",
    "hearing",
    "postponed",
    "statement",
    "international",
    "observers",
    "said",
    "that",
    "politically",
    "motivated",
    "sentence",
    "years",
    "health",
    "hunger",
    "strike",
    "letters",
    "campaign",
    "solidarity",
    "her",
    "his",
    "their",
    "work",
    "published",
    "investigative",
    "articles",
    "about",
    "officials",
    "property",
    "abroad",
];
const WORDS_AZ: &[&str] = &[
    "jurnalist",
    "məhkəmə",
    "istintaq",
    "həbs",
    "olunub",
    "Bakıda",
    "korrupsiya",
    "haqqında",
    "yazılar",
    "insan",
    "hüquqları",
    "təşkilatları",
    "azad",
    "edilməsini",
    "tələb",
    "edib",
    "ittihamlar",
    "qaçaqmalçılıq",
    "apellyasiya",
    "vəkil",
    "ailə",
    "görüş",
    "həbsxana",
    "şərait",
    "müstəqil",
    "media",
    "hakimiyyət",
    "sübut",
    "iclas",
    "təxirə",
    "salınıb",
    "bəyanat",
    "beynəlxalq",
    "müşahidəçilər",
    "siyasi",
    "motivli",
    "il",
    "səhhət",
    "aclıq",
    "aksiyası",
    "məktublar",
    "kampaniya",
    "həmrəylik",
    "onun",
    "işi",
    "araşdırma",
    "məmurlar",
    "əmlak",
    "xaricdə",
    "və",
];

const HEAD_EN: &[&str] = &[
    "Background",
    "Arrest",
    "Charges",
    "Trial",
    "In detention",
    "Reactions",
    "Work",
    "Family",
];
const HEAD_AZ: &[&str] = &[
    "Arxa plan",
    "Həbs",
    "İttihamlar",
    "Məhkəmə",
    "Həbsdə",
    "Reaksiyalar",
    "Fəaliyyət",
    "Ailə",
];

const STATUSES: &[&str] = &[
    "detained",
    "sentenced",
    "sentenced",
    "sentenced",
    "house_arrest",
    "released",
    "travel_ban",
    "exiled",
];

struct Person {
    slug: String,
    name_en: String,
    name_az: String,
}

struct Sizes {
    people: usize,
    organisations: usize,
    charges: usize,
    prisons: usize,
    cases: usize,
    professions: usize,
    statements: usize,
    /// Photos given to everyone in turn (`--photos-from`); none: a third get a small generated one.
    photos: Vec<PathBuf>,
}

fn main() {
    let mut people = 1000;
    let mut out = None;
    let mut seed = 1u64;
    let mut photos = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--people" => people = val().parse().unwrap_or_else(|_| usage("--people N")),
            "--out" => out = Some(PathBuf::from(val())),
            "--seed" => seed = val().parse().unwrap_or_else(|_| usage("--seed S")),
            "--photos-from" => photos = photo_files(&PathBuf::from(val())),
            _ => usage(&format!("unknown argument {a}")),
        }
    }
    let out = out.unwrap_or_else(|| usage("--out DIR is required"));
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("remove the old corpus");
    }
    let sizes = Sizes {
        people,
        organisations: (people / 50).clamp(10, 300),
        charges: 30,
        prisons: 25,
        cases: (people / 40).clamp(5, 400),
        professions: 10,
        statements: (people / 10).max(5),
        photos,
    };
    let mut rng = Rng(seed);
    write_corpus(&out, &sizes, &mut rng);
    eprintln!(
        "corpus: {people} people, {} statements, {} organisations in {}",
        sizes.statements,
        sizes.organisations,
        out.display()
    );
}

fn usage(msg: &str) -> ! {
    eprintln!("{msg}\nusage: corpus --people N --out DIR [--seed S] [--photos-from DIR]");
    std::process::exit(2)
}

fn photo_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| usage(&format!("--photos-from {}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["jpg", "jpeg", "png"].contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        usage(&format!(
            "--photos-from {}: no JPEG or PNG file",
            dir.display()
        ));
    }
    files
}

fn write(path: &Path, content: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create a folder");
    }
    std::fs::write(path, content).expect("write a corpus file");
}

fn write_corpus(out: &Path, s: &Sizes, rng: &mut Rng) {
    write(
        &out.join("site.yaml"),
        "title:\n  en: \"Free Them All: Benchmark\"\n  az: \"Hamısına azadlıq: Benchmark\"\n\
         description:\n  en: A synthetic campaign for measuring the builder.\n  az: Qurucunu ölçmək üçün süni kampaniya.\n\
         base_url: https://example.org/vigil/\nlanguages: [en, az]\ntheme: default\n",
    );
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &out.join("themes/default"),
    );
    tables(out, s);

    let people: Vec<Person> = (0..s.people)
        .map(|i| {
            let female = rng.chance(3);
            let (fe, fa) = *rng.pick(if female { FIRST_F } else { FIRST_M });
            let (le, la) = *rng.pick(LAST);
            Person {
                slug: format!("{}-{}-{i}", fe.to_lowercase(), le.to_lowercase()),
                name_en: format!("{fe} {le}"),
                name_az: format!("{fa} {la}"),
            }
        })
        .collect();
    for (i, p) in people.iter().enumerate() {
        profile(out, s, rng, &people, i, p);
    }
    for i in 0..s.statements {
        statement(out, s, rng, &people, i);
    }
    pages(out, rng, &people);
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read the theme") {
        let entry = entry.expect("read the theme");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            write(
                &target,
                std::fs::read(entry.path()).expect("read a theme file"),
            );
        }
    }
}

fn tables(out: &Path, s: &Sizes) {
    let mut orgs = String::new();
    for i in 0..s.organisations {
        let _ = write!(
            orgs,
            "org-{i}:\n  name:\n    en: Human Rights Group {i}\n    az: İnsan Hüquqları Qrupu {i}\n"
        );
        if i % 3 != 0 {
            let _ = writeln!(orgs, "  country: {}", ["NO", "BE", "GB", "AZ", "DE"][i % 5]);
        }
        if i % 2 == 0 {
            let _ = writeln!(orgs, "  url: https://org-{i}.example.org/");
        }
    }
    write(&out.join("content/organisations.yaml"), orgs);
    let mut charges = String::new();
    for i in 0..s.charges {
        let _ = write!(
            charges,
            "charge-{i}:\n  article: \"{}.{}\"\n  text:\n    en: Offence number {i} under the criminal code\n    az: Cinayət məcəlləsi üzrə {i} nömrəli əməl\n",
            150 + i * 3,
            1 + i % 4
        );
    }
    write(&out.join("content/charges.yaml"), charges);
    let mut prisons = String::new();
    for i in 0..s.prisons {
        let _ = write!(
            prisons,
            "prison-{i}:\n  name:\n    en: Penitentiary Institution No. {i}\n    az: {i} saylı Cəzaçəkmə Müəssisəsi\n  address: |\n    Penitentiary Institution No. {i}\n    {} Street {i}\n    AZ10{:02} Baku, Azerbaijan\n",
            ["Salyan", "Zabrat", "Umbaki", "Shuvalan"][i % 4],
            i
        );
    }
    write(&out.join("content/prisons.yaml"), prisons);
    let mut cases = String::new();
    for i in 0..s.cases {
        let _ = write!(
            cases,
            "case-{i}:\n  name:\n    en: Media case {i}\n    az: {i} saylı media işi\n"
        );
    }
    write(&out.join("content/cases.yaml"), cases);
    let mut professions = String::new();
    for i in 0..s.professions {
        let _ = write!(
            professions,
            "profession-{i}:\n  name:\n    en: Profession {i}\n    az: Peşə {i}\n"
        );
    }
    write(&out.join("content/professions.yaml"), professions);
}

fn sentence(rng: &mut Rng, words: &[&str], n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let w = *rng.pick(words);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// About 600 words: sections with headings, paragraphs, a list, links to other people, and in one
/// biography in ten a fenced code block.
fn biography(
    rng: &mut Rng,
    words: &[&str],
    heads: &[&str],
    people: &[Person],
    me: usize,
    az: bool,
    code: bool,
) -> String {
    let mut b = String::new();
    let mut count = 0;
    let mut section = 0;
    while count < 600 {
        if section > 0 {
            let _ = write!(b, "## {}\n\n", heads[(section + me) % heads.len()]);
        }
        for _ in 0..2 {
            let mut para = String::new();
            for _ in 0..4 {
                let n = 8 + rng.below(12);
                count += n;
                para.push_str(&sentence(rng, words, n));
                para.push(' ');
            }
            if rng.chance(2) {
                let other = &people[rng.below(people.len())];
                let name = if az { &other.name_az } else { &other.name_en };
                let _ = write!(para, "See also [{name}](/people/{}/). ", other.slug);
                count += 4;
            }
            b.push_str(para.trim_end());
            b.push_str("\n\n");
        }
        if section % 2 == 1 {
            for _ in 0..3 {
                let n = 5 + rng.below(6);
                count += n;
                let _ = writeln!(b, "- {}", sentence(rng, words, n));
            }
            b.push('\n');
        }
        if code && section == 2 {
            b.push_str("```json\n{\"case\": \"appeal\", \"hearing\": \"2024-05-02\", \"court\": \"Baku\", \"pages\": 132}\n```\n\n");
        }
        section += 1;
    }
    b
}

fn date_between(rng: &mut Rng, from_year: usize, to_year: usize) -> (usize, usize, usize) {
    (
        from_year + rng.below(to_year - from_year + 1),
        1 + rng.below(12),
        1 + rng.below(28),
    )
}

fn profile(out: &Path, s: &Sizes, rng: &mut Rng, people: &[Person], i: usize, p: &Person) {
    let status = *rng.pick(STATUSES);
    let (y, m, d) = date_between(rng, 2014, 2024);
    let mut f = String::from("---\n");
    let _ = writeln!(f, "name: {}", p.name_en);
    let _ = writeln!(f, "status: {status}");
    // Some arrests are known only to the month, as in real records.
    if rng.chance(8) {
        let _ = writeln!(f, "arrested: {y}-{m:02}");
    } else {
        let _ = writeln!(f, "arrested: {y}-{m:02}-{d:02}");
    }
    if !rng.chance(5) {
        let _ = writeln!(
            f,
            "born: {}-{:02}-{:02}",
            1950 + rng.below(50),
            1 + rng.below(12),
            1 + rng.below(28)
        );
    }
    let _ = writeln!(
        f,
        "gender: {}",
        if FIRST_F.iter().any(|(e, _)| p.name_en.starts_with(e)) {
            "female"
        } else {
            "male"
        }
    );
    // Drawn whether used or not, so that `--photos-from` changes nothing else of the corpus.
    let small = rng.chance(3).then(|| png(rng, 64, 80));
    let real = s.photos.get(i % s.photos.len().max(1));
    let photo = small.is_some() || real.is_some();
    let file = match real {
        Some(real) => {
            let ext = real.extension().and_then(|e| e.to_str()).unwrap_or("jpg");
            let bytes = std::fs::read(real).expect("read a photo of --photos-from");
            Some((
                format!("photos/{}.{}", p.slug, ext.to_ascii_lowercase()),
                bytes,
            ))
        }
        None => small.map(|png| (format!("photos/{}.png", p.slug), png)),
    };
    if let Some((name, bytes)) = file {
        let _ = writeln!(f, "photo: {name}");
        let _ = writeln!(f, "photo_alt: {} in 2023", p.name_en);
        write(&out.join("profiles").join(name), bytes);
    }
    let _ = writeln!(f, "profession: profession-{}", rng.below(s.professions));
    if rng.chance(2) {
        let _ = writeln!(f, "organisation: org-{}", rng.below(s.organisations));
    }
    if !rng.chance(3) {
        let _ = writeln!(f, "case: case-{}", rng.below(s.cases));
    }
    let nc = 1 + rng.below(3);
    let charges: Vec<String> = (0..nc)
        .map(|_| format!("charge-{}", rng.below(s.charges)))
        .collect();
    let _ = writeln!(f, "charges: [{}]", charges.join(", "));
    let sentenced = status == "sentenced";
    if sentenced {
        let _ = writeln!(f, "sentence: {} years", 2 + rng.below(10));
    }
    if matches!(status, "detained" | "sentenced") {
        let _ = writeln!(f, "prison: prison-{}", rng.below(s.prisons));
    }
    if status == "released" {
        let _ = writeln!(
            f,
            "released: {}-{:02}-{:02}",
            y + 1 + rng.below(2025 - y),
            1 + rng.below(12),
            1 + rng.below(28)
        );
    }
    let _ = writeln!(f, "summary: {}", sentence(rng, WORDS_EN, 14));
    if rng.chance(20) {
        let _ = writeln!(f, "aliases: [{}-old]", p.slug);
    }
    if rng.chance(15) {
        f.push_str("hide: [born]\n");
    }
    if y > 2015 && rng.chance(6) {
        let _ = writeln!(
            f,
            "arrests:\n  - arrested: {}-{:02}\n    released: {}-{:02}\n    charges: [charge-{}]\n    sentence:\n      en: 2 years\n      az: 2 il",
            y - 2,
            m,
            y - 1,
            m,
            rng.below(s.charges)
        );
    }
    f.push_str("---\n");
    let code = i.is_multiple_of(10);
    f.push_str(&biography(rng, WORDS_EN, HEAD_EN, people, i, false, code));
    write(&out.join(format!("profiles/{}.md", p.slug)), f);

    let mut t = String::from("---\n");
    let _ = writeln!(t, "name: {}", p.name_az);
    let _ = writeln!(t, "summary: {}", sentence(rng, WORDS_AZ, 14));
    if sentenced {
        let _ = writeln!(t, "sentence: {} il", 2 + rng.below(10));
    }
    if photo {
        let _ = writeln!(t, "photo_alt: {} 2023-cü ildə", p.name_az);
    }
    t.push_str("---\n");
    t.push_str(&biography(rng, WORDS_AZ, HEAD_AZ, people, i, true, code));
    write(&out.join(format!("profiles/{}.az.md", p.slug)), t);
}

fn statement(out: &Path, s: &Sizes, rng: &mut Rng, people: &[Person], i: usize) {
    let (y, m, d) = date_between(rng, 2014, 2025);
    let mut f = format!(
        "title:\n  en: Release the people held in case {i}\n  az: {i} saylı işdə həbs olunanları azad edin\ndate: {y}-{m:02}-{d:02}\n"
    );
    if rng.chance(2) {
        let _ = writeln!(
            f,
            "source: https://org-{}.example.org/statements/{i}",
            rng.below(s.organisations)
        );
    }
    let signed: Vec<String> = (0..1 + rng.below(4))
        .map(|_| format!("org-{}", rng.below(s.organisations)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let _ = writeln!(f, "signatories: [{}]", signed.join(", "));
    let named: Vec<String> = (0..1 + rng.below(5))
        .map(|_| people[rng.below(people.len())].slug.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let _ = writeln!(f, "profiles: [{}]", named.join(", "));
    f.push_str("body:\n  en: |\n");
    for _ in 0..3 {
        let _ = write!(f, "    {}\n\n", sentence(rng, WORDS_EN, 40));
    }
    f.push_str("  az: |\n");
    for _ in 0..3 {
        let _ = write!(f, "    {}\n\n", sentence(rng, WORDS_AZ, 40));
    }
    write(
        &out.join(format!("content/statements/statement-{i}.yaml")),
        f,
    );
}

fn pages(out: &Path, rng: &mut Rng, people: &[Person]) {
    let c = out.join("content");
    let p = &people[0];
    write(
        &c.join("about.md"),
        format!(
            "---\ntitle: About this campaign\ndescription: Who we are.\nmenu: 1\n---\n{}\n\nSee [{}](/people/{}/) and [how to write a letter](/write-a-letter/).\n",
            sentence(rng, WORDS_EN, 60),
            p.name_en,
            p.slug
        ),
    );
    write(
        &c.join("about.az.md"),
        format!(
            "---\ntitle: Kampaniya haqqında\n---\n{}\n",
            sentence(rng, WORDS_AZ, 60)
        ),
    );
    write(
        &c.join("write-a-letter.md"),
        format!(
            "---\ntitle: How to write a letter\nmenu: 2\n---\n{}\n\n```text\nTo: Penitentiary Institution No. 1\n```\n",
            sentence(rng, WORDS_EN, 80)
        ),
    );
    write(
        &c.join("write-a-letter.az.md"),
        format!(
            "---\ntitle: Məktub necə yazılır\n---\n{}\n",
            sentence(rng, WORDS_AZ, 80)
        ),
    );
    for (lang, title, held) in [
        ("", "Political prisoners in figures", "Held today"),
        (".az", "Rəqəmlərlə siyasi məhbuslar", "Bu gün həbsdə"),
    ] {
        write(
            &c.join(format!("infographics/political-prisoners{lang}.md")),
            format!(
                "---\ntitle: {title}\ndescription: Charts.\n---\n\
```chart\nkind: counter\nid: held-now\ntitle: {held}\nquery: held-now\n```\n\n\
```chart\nkind: horizontal-bar\nid: held-by-profession\ntitle: {held}\nquery: held-by-profession\n```\n\n\
```chart\nkind: horizontal-bar\nid: held-by-prison\ntitle: {held}\nquery: held-by-prison\n```\n\n\
```chart\nkind: vertical-bar\nid: arrests-per-month\ntitle: {held}\nquery: arrests-per-month\nfrom: 2023-01\n```\n\n\
```chart\nkind: area\nid: held-per-month\ntitle: {held}\nquery: held-per-month\nfrom: 2020-01\n```\n\n\
```chart\nkind: stacked-bar\nid: by-gender\ntitle: {held}\nquery: arrests-per-year\nsplit: gender\n```\n\n\
```chart\nkind: timeline\nid: arrests-since-2025\ntitle: {held}\nquery: arrests\nfrom: 2025-06\n```\n\n\
```chart\nkind: vertical-bar\nid: reported\ntitle: {held}\nseries: [Prisoners]\ndata:\n  - date: 2024-12\n    value: 300\n    source: {{text: Report, url: https://example.org/report}}\n  - date: 2025-12\n    value: 400\n    source: {{text: Report, url: https://example.org/report}}\n```\n"
            ),
        );
    }
}

/// A small true-colour PNG (stored, uncompressed deflate): a real image whatever reads it.
fn png(rng: &mut Rng, w: u32, h: u32) -> Vec<u8> {
    let (r, g, b) = (
        rng.below(256) as u8,
        rng.below(256) as u8,
        rng.below(256) as u8,
    );
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            raw.extend([r ^ (x as u8), g ^ (y as u8), b]);
        }
    }
    let mut z = vec![0x78, 0x01];
    let mut chunks = raw.chunks(65535).peekable();
    while let Some(c) = chunks.next() {
        z.push(u8::from(chunks.peek().is_none()));
        let n = c.len() as u16;
        z.extend(n.to_le_bytes());
        z.extend((!n).to_le_bytes());
        z.extend(c);
    }
    let (mut a, mut bb) = (1u32, 0u32);
    for &x in &raw {
        a = (a + x as u32) % 65521;
        bb = (bb + a) % 65521;
    }
    z.extend(((bb << 16) | a).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(&b"IHDR"[..], &ihdr[..]), (b"IDAT", &z), (b"IEND", &[])] {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
