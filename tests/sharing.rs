//! Shared links: preview tags and cards, share links, photos published without their metadata,
//! the image cache, and the errors about images and output paths.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

const ORIGIN: &str = "https://example.org/sub/path/";

/// The `content` of `<meta property|name=key>`, exactly one.
fn meta(html: &str, key: &str) -> String {
    let found: Vec<String> = tags(html)
        .into_iter()
        .filter(|t| t.name == "meta")
        .filter(|t| t.attr("property") == Some(key) || t.attr("name") == Some(key))
        .filter_map(|t| t.attr("content").map(str::to_string))
        .collect();
    assert_eq!(found.len(), 1, "{key}: {found:?}");
    found.into_iter().next().unwrap()
}

fn metas(html: &str, key: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "meta" && t.attr("property") == Some(key))
        .filter_map(|t| t.attr("content").map(str::to_string))
        .collect()
}

fn canonical(html: &str) -> String {
    tags(html)
        .into_iter()
        .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
        .and_then(|t| t.attr("href").map(str::to_string))
        .unwrap()
}

/// Width and height of a PNG, and its pixels as RGB(A) rows, decoded.
fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut d = png::Decoder::new(std::io::Cursor::new(bytes));
    d.set_transformations(png::Transformations::EXPAND);
    let mut r = d.read_info().expect("a PNG");
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).expect("PNG pixels");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Checks the preview tags of one built page: absolute addresses under `origin`, the card a file
/// of the build with the size it claims.
fn assert_tags(out: &Path, origin: &str, rel: &str, locale: &str, alternate: &str) {
    let html = page(out, rel);
    let url = meta(&html, "og:url");
    assert_eq!(url, canonical(&html), "{rel}");
    let path = rel.trim_end_matches("index.html");
    assert_eq!(url, format!("{origin}{path}"), "{rel}");
    assert!(!meta(&html, "og:title").is_empty(), "{rel}");
    assert!(!meta(&html, "og:description").is_empty(), "{rel}");
    assert_eq!(meta(&html, "og:locale"), locale);
    assert_eq!(metas(&html, "og:locale:alternate"), [alternate]);
    let image = meta(&html, "og:image");
    let file = image
        .strip_prefix(origin)
        .unwrap_or_else(|| panic!("{rel}: og:image {image} is not under {origin}"));
    let bytes = std::fs::read(out.join(file)).unwrap_or_else(|e| panic!("{rel}: {file}: {e}"));
    let (w, h, _) = decode_png(&bytes);
    assert_eq!(meta(&html, "og:image:width"), w.to_string());
    assert_eq!(meta(&html, "og:image:height"), h.to_string());
    assert!(!meta(&html, "og:image:alt").is_empty());
    assert_eq!(meta(&html, "twitter:card"), "summary_large_image");
    assert_eq!(meta(&html, "twitter:image"), image);
    assert!(!meta(&html, "twitter:image:alt").is_empty());
}

#[test]
fn every_page_has_preview_tags_with_absolute_addresses_under_the_sub_path() {
    let site = Site::new();
    let out = site.built();
    for rel in [
        "index.html",
        "people/index.html",
        "people/alice-aliyeva/index.html",
        "statements/first-appeal/index.html",
        "about/index.html",
        "organisations/org-alpha/index.html",
    ] {
        assert_tags(&out, ORIGIN, rel, "en_GB", "az_AZ");
        assert_tags(&out, ORIGIN, &format!("az/{rel}"), "az_AZ", "en_GB");
    }
    // A person's page shows the person's own card, in the page's language.
    let en = page(&out, "people/alice-aliyeva/index.html");
    let az = page(&out, "az/people/alice-aliyeva/index.html");
    assert_eq!(
        meta(&en, "og:image"),
        format!("{ORIGIN}people/alice-aliyeva/card.png")
    );
    assert_eq!(
        meta(&az, "og:image"),
        format!("{ORIGIN}az/people/alice-aliyeva/card.png")
    );
    assert!(meta(&az, "og:image:alt").contains("Alisa Əliyeva"));
    // The description comes from the front matter, or else from the first paragraph.
    assert_eq!(
        meta(&en, "og:description"),
        "Reporter held for her work at Gamma Newsroom."
    );
    let carol = page(&out, "people/carol-karimova/index.html");
    assert_eq!(
        meta(&carol, "og:description"),
        "Carol defended journalists in court."
    );
    let letters = page(&out, "help/letters/index.html");
    assert_eq!(
        meta(&letters, "og:description"),
        "Write to the people on this site."
    );

    // Another address, given on the command line: every tag follows it.
    let other = "https://mirror.example/a/b/";
    site.build_ok(&["--base-url", other]);
    assert_tags(
        &out,
        other,
        "people/alice-aliyeva/index.html",
        "en_GB",
        "az_AZ",
    );
    assert_tags(
        &out,
        other,
        "az/statements/first-appeal/index.html",
        "az_AZ",
        "en_GB",
    );
}

#[test]
fn cards_are_1200_by_630_at_most_40_kb_and_say_the_name_in_each_language() {
    let site = Site::new();
    // A real photo, noisy, the worst case for a small file.
    site.write("profiles/photos/alice.png", noisy_png(900, 700));
    let out = site.built();
    let mut cards = Vec::new();
    for (name, bytes) in snapshot(&out) {
        if name.ends_with("card.png") {
            let (w, h, _) = decode_png(&bytes);
            assert_eq!((w, h), (1200, 630), "{name}");
            assert!(bytes.len() <= 40 * 1024, "{name}: {} bytes", bytes.len());
            cards.push(name);
        }
    }
    // Four people, two statements and the site, in two languages.
    assert_eq!(cards.len(), (4 + 2 + 1) * 2, "{cards:?}");
    let en = std::fs::read(out.join("people/alice-aliyeva/card.png")).unwrap();
    let az = std::fs::read(out.join("az/people/alice-aliyeva/card.png")).unwrap();
    let (_, _, en_px) = decode_png(&en);
    let (_, _, az_px) = decode_png(&az);
    // The photo (left) is the same; the words (right) differ: "Alice Aliyeva" / "Alisa Əliyeva".
    let row = |px: &[u8], y: usize, from: usize, to: usize| {
        px[(y * 1200 + from) * 3..(y * 1200 + to) * 3].to_vec()
    };
    assert_eq!(row(&en_px, 300, 0, 600), row(&az_px, 300, 0, 600));
    assert!((0..630).any(|y| row(&en_px, y, 700, 1200) != row(&az_px, y, 700, 1200)));
    // A statement's card differs between languages too (its title is translated).
    assert_ne!(
        std::fs::read(out.join("statements/first-appeal/card.png")).unwrap(),
        std::fs::read(out.join("az/statements/first-appeal/card.png")).unwrap()
    );
}

/// A PNG of random-looking pixels, written by the png crate.
fn noisy_png(w: u32, h: u32) -> Vec<u8> {
    let mut seed = 12345u32;
    let data: Vec<u8> = (0..w * h * 3)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as u8
        })
        .collect();
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_color(png::ColorType::Rgb);
    e.set_depth(png::BitDepth::Eight);
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&data).unwrap();
    wr.finish().unwrap();
    out
}

/// A JPEG whose EXIF says where and by whom it was taken (GPS, artist) and that it must be turned
/// (orientation 6), with an XMP packet and a comment: written here byte by byte.
fn tell_tale_jpeg(w: u16, h: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..w as usize * h as usize)
        .flat_map(|i| {
            let x = (i % w as usize) as u8;
            [x.wrapping_mul(3), 90, 200]
        })
        .collect();
    let mut plain = Vec::new();
    jpeg_encoder::Encoder::new(&mut plain, 90)
        .encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    // TIFF, little-endian: IFD0 with Orientation, Artist and a pointer to the GPS IFD.
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let artist = b"GPS-SECRET-ARTIST\0";
    let ifd0_entries = 3u16;
    let ifd0_len = 2 + 12 * ifd0_entries as u32 + 4;
    let artist_at = 8 + ifd0_len;
    let gps_at = artist_at + artist.len() as u32;
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    };
    tiff.extend(ifd0_entries.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, 6); // Orientation: turn 90° clockwise
    entry(&mut tiff, 0x013B, 2, artist.len() as u32, artist_at); // Artist
    entry(&mut tiff, 0x8825, 4, 1, gps_at); // GPS IFD
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(artist);
    // GPS IFD: latitude reference N and latitude 40/1, 24/1, 0/1 (Baku).
    let gps_entries = 2u16;
    let rationals_at = gps_at + 2 + 12 * gps_entries as u32 + 4;
    tiff.extend(gps_entries.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut tiff, 0x0002, 5, 3, rationals_at);
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(40u32, 1u32), (24, 1), (0, 1)] {
        tiff.extend(n.to_le_bytes());
        tiff.extend(d.to_le_bytes());
    }
    let segment = |marker: u8, body: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend(((body.len() + 2) as u16).to_be_bytes());
        s.extend(body);
        s
    };
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(&tiff);
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><GPS-SECRET-XMP/></x:xmpmeta>";
    let mut out = vec![0xFF, 0xD8];
    out.extend(segment(0xE1, &exif));
    out.extend(segment(0xE1, xmp));
    out.extend(segment(0xFE, b"GPS-SECRET-COMMENT"));
    out.extend(&plain[2..]);
    out
}

#[test]
fn a_photo_with_gps_exif_is_published_without_any_metadata_and_turned_upright() {
    let site = Site::new();
    site.write("profiles/photos/alice.jpg", tell_tale_jpeg(1000, 500));
    site.edit(
        "profiles/alice-aliyeva.md",
        "photos/alice.png",
        "photos/alice.jpg",
    );
    // An image in a text, under content/, carries the same metadata.
    site.write("content/images/vigil.jpg", tell_tale_jpeg(400, 200));
    site.edit(
        "content/about.md",
        "and others.",
        "and others.\n\n![A vigil in Baku](/images/vigil.jpg)",
    );
    let source = std::fs::read(site.path("profiles/photos/alice.jpg")).unwrap();
    assert!(
        contains(&source, b"GPS-SECRET"),
        "the test photo carries the metadata"
    );
    let out = site.built();
    let mut images = 0;
    for (name, bytes) in snapshot(&out) {
        for secret in [
            &b"GPS-SECRET"[..],
            b"Exif\0\0",
            b"ns.adobe.com/xap",
            b"N\0\0\0\x05\0",
        ] {
            assert!(
                !contains(&bytes, secret),
                "{name} carries {:?}",
                String::from_utf8_lossy(secret)
            );
        }
        if name.ends_with(".jpg") {
            images += 1;
        }
    }
    // 500 wide once turned, so 240 and 480 (a photo's largest); the text's image: 200 wide.
    assert_eq!(images, 3);
    let html = page(&out, "people/alice-aliyeva/index.html");
    let img = tags(&html)
        .into_iter()
        .find(|t| t.name == "img" && t.attr("class") == Some("portrait"))
        .unwrap();
    // Orientation 6: the 1000x500 picture stands 500 wide and 1000 tall, shown 480 by 960.
    assert_eq!(img.attr("width"), Some("480"));
    assert_eq!(img.attr("height"), Some("960"));
    assert_eq!(
        img.attr("srcset"),
        Some("/sub/path/media/photos/alice.240w.jpg 240w, /sub/path/media/photos/alice.jpg 480w")
    );
    assert!(img.attr("sizes").is_some());
    for file in ["media/photos/alice.jpg", "media/photos/alice.240w.jpg"] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let about = page(&out, "about/index.html");
    let img = tags(&about).into_iter().find(|t| t.name == "img").unwrap();
    assert_eq!(img.attr("loading"), Some("lazy"));
    assert_eq!(img.attr("width"), Some("200"));
    assert_eq!(img.attr("height"), Some("400"));
    assert_eq!(img.attr("alt"), Some("A vigil in Baku"));
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn photos_have_several_widths_and_cards_in_listings_load_lazily() {
    let site = Site::new();
    site.write("profiles/photos/alice.png", noisy_png(1500, 1500));
    let out = site.built();
    let html = page(&out, "people/alice-aliyeva/index.html");
    let img = tags(&html)
        .into_iter()
        .find(|t| t.name == "img" && t.attr("class") == Some("portrait"))
        .unwrap();
    // A profile photo is published at most 480 wide (twice a card's width on screen), and at 240.
    assert_eq!(img.attr("width"), Some("480"));
    assert_eq!(img.attr("height"), Some("480"));
    assert_eq!(
        img.attr("srcset"),
        Some("/sub/path/media/photos/alice.240w.png 240w, /sub/path/media/photos/alice.png 480w")
    );
    for (f, width) in [("alice.240w.png", 240), ("alice.png", 480)] {
        let bytes = std::fs::read(out.join("media/photos").join(f)).unwrap();
        assert_eq!(decode_png(&bytes).0, width, "{f}");
    }
    let published: Vec<_> = std::fs::read_dir(out.join("media/photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("alice."))
        .collect();
    assert_eq!(published.len(), 2, "{published:?}");
    let people = page(&out, "people/index.html");
    let faces: Vec<Tag> = tags(&people)
        .into_iter()
        .filter(|t| t.name == "img" && t.attr("class") == Some("face"))
        .collect();
    assert!(!faces.is_empty());
    for f in faces {
        assert_eq!(f.attr("loading"), Some("lazy"));
        assert!(f.attr("srcset").is_some_and(|s| s.contains(" 240w")));
        assert!(f.attr("width").is_some() && f.attr("height").is_some());
    }
    // An image in a text may be as wide as the text: up to 1280, with 320, 640 and 960 below.
    site.write("content/images/wide.png", noisy_png(1500, 300));
    site.edit(
        "content/about.md",
        "and others.",
        "and others.\n\n![Wide](/images/wide.png)",
    );
    let out = site.built();
    let about = page(&out, "about/index.html");
    let img = tags(&about).into_iter().find(|t| t.name == "img").unwrap();
    let srcset = img.attr("srcset").unwrap();
    for w in [320, 640, 960, 1280] {
        assert!(srcset.contains(&format!(" {w}w")), "{srcset}");
    }
    assert_eq!(img.attr("width"), Some("1280"));
    assert_eq!(img.attr("height"), Some("256"));
}

#[test]
fn a_hidden_photo_is_not_published_and_the_card_shows_the_placeholder() {
    let site = Site::new();
    site.write("profiles/photos/alice.png", noisy_png(600, 600));
    let with = site.built();
    let card_with = std::fs::read(with.join("people/alice-aliyeva/card.png")).unwrap();
    assert!(with.join("media/photos/alice.png").is_file());
    site.edit(
        "profiles/alice-aliyeva.md",
        "aliases:",
        "hide: [photo]\naliases:",
    );
    let out = site.built();
    assert!(!out.join("media").exists());
    for (name, _) in snapshot(&out) {
        assert!(!name.contains("alice."), "{name}");
    }
    let card = std::fs::read(out.join("people/alice-aliyeva/card.png")).unwrap();
    assert_ne!(card, card_with, "the card no longer shows the photo");
}

#[test]
fn share_links_are_plain_links_and_the_copy_button_comes_from_the_site() {
    let site = Site::new();
    let out = site.built();
    for rel in [
        "people/alice-aliyeva/index.html",
        "az/statements/first-appeal/index.html",
    ] {
        let html = page(&out, rel);
        let links: Vec<String> = anchors(&html).into_iter().map(|(href, _)| href).collect();
        let url = canonical(&html);
        let encoded = url.replace(':', "%3A").replace('/', "%2F");
        for service in [
            "https://t.me/share/url?url=",
            "https://wa.me/?text=",
            "https://x.com/intent/post?url=",
            "https://www.facebook.com/sharer/sharer.php?u=",
            "mailto:?subject=",
        ] {
            let link = links
                .iter()
                .find(|l| l.starts_with(service))
                .unwrap_or_else(|| panic!("{rel}: no {service} link"));
            assert!(
                link.contains(&encoded),
                "{rel}: {link} does not carry {url}"
            );
        }
        let scripts: Vec<String> = tags(&html)
            .into_iter()
            .filter(|t| t.name == "script")
            .map(|t| t.attr("src").expect("no inline script").to_string())
            .collect();
        assert!(
            scripts.contains(&"/sub/path/static/share.js".to_string()),
            "{scripts:?}"
        );
        assert!(
            scripts.iter().all(|s| s.starts_with("/sub/path/static/")),
            "{scripts:?}"
        );
        let button = tags(&html)
            .into_iter()
            .find(|t| t.name == "button" && t.attr("class") == Some("share-copy"))
            .unwrap();
        assert_eq!(button.attr("data-url"), Some(url.as_str()));
    }
    assert!(out.join("static/share.js").is_file());
    // The poster: held since, and the share links are not printed.
    let html = page(&out, "people/alice-aliyeva/index.html");
    assert!(html.contains("held since 1 January 2024"), "{html}");
    let css = std::fs::read_to_string(out.join("static/style.css")).unwrap();
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".share"));
}

#[test]
fn alias_pages_redirect_in_both_languages() {
    let site = Site::new();
    let out = site.built();
    for (rel, target) in [
        (
            "people/alisa-aliyeva/index.html",
            "/sub/path/people/alice-aliyeva/",
        ),
        (
            "az/people/alisa-aliyeva/index.html",
            "/sub/path/az/people/alice-aliyeva/",
        ),
    ] {
        let html = page(&out, rel);
        let refresh = tags(&html)
            .into_iter()
            .find(|t| t.attr("http-equiv") == Some("refresh"))
            .unwrap();
        assert_eq!(
            refresh.attr("content"),
            Some(format!("0; url={target}").as_str())
        );
        assert_eq!(canonical(&html), format!("https://example.org{target}"));
        assert!(anchors(&html).iter().any(|(href, _)| href == target));
    }
}

/// Makes every card in the cache an hour old: a build removes the cards it did not use only once
/// they are ten minutes old (another build may have just drawn them).
fn age_cards(site: &Site) {
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in std::fs::read_dir(site.path(".vigil-cache/cards")).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(e.unwrap().path())
            .unwrap();
        f.set_modified(an_hour_ago).unwrap();
    }
}

/// Every file of the cache, with its time of last change.
fn cache_times(site: &Site) -> BTreeMap<String, std::time::SystemTime> {
    snapshot(&site.path(".vigil-cache"))
        .into_keys()
        .map(|name| {
            let t = std::fs::metadata(site.path(".vigil-cache").join(&name))
                .unwrap()
                .modified()
                .unwrap();
            (name, t)
        })
        .collect()
}

#[test]
fn a_second_build_reuses_every_processed_image_and_card() {
    let site = Site::new();
    site.write("profiles/photos/alice.png", noisy_png(700, 500));
    site.built();
    let first = cache_times(&site);
    assert!(first.keys().any(|k| k.starts_with("images/")), "{first:?}");
    let cards = |t: &BTreeMap<String, std::time::SystemTime>| {
        t.keys()
            .filter(|k| k.starts_with("cards/") && k.ends_with(".png"))
            .count()
    };
    assert_eq!(cards(&first), 14);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = site.built();
    assert_eq!(
        cache_times(&site),
        first,
        "the second build redrew or reprocessed something"
    );
    // What is published is the cache's files: the very files, not copies, since the output is on
    // the cache's file system.
    let cached = site.path(".vigil-cache").join(
        first
            .keys()
            .find(|k| k.starts_with("images/") && k.ends_with("/480.png"))
            .unwrap(),
    );
    let published = out.join("media/photos/alice.png");
    assert_eq!(
        std::fs::read(&published).unwrap(),
        std::fs::read(&cached).unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
        assert_eq!(inode(&published), inode(&cached));
        let cards: Vec<u64> = first
            .keys()
            .filter(|k| k.starts_with("cards/") && k.ends_with(".png"))
            .map(|k| inode(&site.path(".vigil-cache").join(k)))
            .collect();
        let card = out.join("people/alice-aliyeva/card.png");
        assert!(cards.contains(&inode(&card)), "{card:?} is a copy");
    }
    // A new name draws that person's cards again, and only theirs.
    site.edit(
        "profiles/bob-bakirov.md",
        "name: Bob Bakirov",
        "name: Robert Bakirov",
    );
    site.built();
    let third = cache_times(&site);
    let new: Vec<&String> = third.keys().filter(|k| !first.contains_key(*k)).collect();
    assert_eq!(
        new.len(),
        4,
        "Bob's card and its record in each language: {new:?}"
    );
    // The cards no longer used stay while they are new (another build may have just drawn them),
    // and leave the cache with their records once they are not.
    assert!(first.keys().all(|k| third.contains_key(k)));
    age_cards(&site);
    site.built();
    let fourth = cache_times(&site);
    let gone: Vec<&String> = first.keys().filter(|k| !fourth.contains_key(*k)).collect();
    assert_eq!(gone.len(), 4, "Bob's old cards and records: {gone:?}");
    assert_eq!(cards(&fourth), 14);
}

#[test]
fn a_new_day_makes_the_cards_again_as_they_would_be_drawn_from_nothing() {
    // A day's build makes each held person's card again from the day before's (`cards/parts.rs`):
    // the result must be the card a build with no cache draws.
    let site = Site::new();
    site.write("profiles/photos/alice.png", noisy_png(900, 700));
    let day = |n: i64| (EPOCH.parse::<i64>().unwrap() + n * 86_400).to_string();
    let dirs = tempfile::tempdir().unwrap();
    let out = |n: i64| dirs.path().join(format!("day-{n}"));
    let build = |s: &Site, n: i64, to: &Path| {
        s.vigil_at(&day(n), &["build", "--output", to.to_str().unwrap()])
            .assert_ok()
    };
    let cards = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        snapshot(dir)
            .into_iter()
            .filter(|(k, _)| k.ends_with("card.png"))
            .collect()
    };
    build(&site, 0, &out(0));
    let cached = |s: &Site| snapshot(&s.path(".vigil-cache/cards")).len();
    let files_before = cached(&site);
    age_cards(&site);
    build(&site, 1, &out(1));
    let (before, after) = (cards(&out(0)), cards(&out(1)));
    let changed: Vec<&String> = after.keys().filter(|k| before[*k] != after[*k]).collect();
    // The held people's cards, with or without a photo, in both languages.
    for who in ["alice-aliyeva", "carol-karimova"] {
        for lang in ["", "az/"] {
            let card = format!("{lang}people/{who}/card.png");
            assert!(changed.contains(&&card), "{card} is the same: {changed:?}");
        }
    }
    // The day before's cards have left the cache.
    assert_eq!(cached(&site), files_before);
    // The same site, from nothing.
    let fresh = Site::new();
    copy_dir(&site.path("profiles"), &fresh.path("profiles"));
    let _ = std::fs::remove_dir_all(fresh.path(".vigil-cache"));
    build(&fresh, 1, &out(2));
    assert_eq!(cards(&out(2)), after);
    // A day later again, made from a card that was itself made again.
    build(&site, 2, &out(3));
    let _ = std::fs::remove_dir_all(fresh.path(".vigil-cache"));
    build(&fresh, 2, &out(4));
    assert_eq!(cards(&out(3)), cards(&out(4)));
}

#[test]
fn images_that_cannot_be_published_are_errors_where_they_are_named() {
    let site = Site::new();
    site.write("content/files/notes.jpg", "not a picture at all");
    site.edit(
        "content/about.md",
        "and others.",
        "and others.\n\n![Missing](/images/none.jpg) ![Leaflet](/files/leaflet.pdf) ![Away](/../secret.jpg)",
    );
    site.edit(
        "profiles/bob-bakirov.md",
        "summary:",
        "photo: ../../outside.jpg\nphoto_alt: Bob\nsummary:",
    );
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    assert!(
        r.error_at("content/about.md:8:1")
            .message
            .contains("no file"),
        "{r:?}"
    );
    assert!(
        r.error_at("content/about.md:8:30")
            .message
            .contains("not an image"),
        "{r:?}"
    );
    assert!(
        r.error_at("content/about.md:8:61")
            .message
            .contains("outside the site"),
        "{r:?}"
    );
    assert!(
        r.error_at("profiles/bob-bakirov.md:9:8")
            .message
            .contains("outside"),
        "{r:?}"
    );
    assert!(
        r.error_at("content/files/notes.jpg")
            .message
            .contains("cannot be published"),
        "{r:?}"
    );
    assert!(!site.public().exists(), "nothing is written");
}

#[test]
fn two_files_writing_one_output_path_are_an_error_at_both() {
    let site = Site::new();
    site.write("content/media/photos/alice.png", PNG);
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    let at_asset = r.error_at("content/media/photos/alice.png");
    assert!(
        at_asset.message.contains("`media/photos/alice.png`"),
        "{r:?}"
    );
    assert!(
        at_asset.message.contains("profiles/alice-aliyeva.md:7"),
        "{r:?}"
    );
    let at_profile = r.error_at("profiles/alice-aliyeva.md:7:8");
    assert!(
        at_profile
            .message
            .contains("content/media/photos/alice.png"),
        "{r:?}"
    );
}

#[test]
fn a_file_at_the_address_of_a_listing_an_organisation_or_the_open_data_is_an_error() {
    let site = Site::new();
    for file in [
        "content/people/case/gamma-case/index.html",
        "content/organisations/org-gamma/index.html",
        "content/az/data/profiles.csv",
    ] {
        site.write(file, "<p>mine</p>");
    }
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    for (file, by) in [
        ("content/people/case/gamma-case/index.html", "pages"),
        ("content/organisations/org-gamma/index.html", "pages"),
        ("content/az/data/profiles.csv", "open data"),
    ] {
        let e = r.error_at(file);
        assert!(
            e.message.contains(&format!("the builder's own {by}")),
            "{file}: {e:?}"
        );
    }
    assert!(!site.public().exists(), "nothing is written");
}

#[test]
fn a_content_file_at_the_address_of_a_theme_file_is_an_error() {
    let site = Site::new();
    site.write("content/static/style.css", "body { color: red }");
    let r = site.vigil(&["build"]);
    r.assert_code(1);
    let e = r.error_at("content/static/style.css");
    assert!(
        e.message.contains("`static/style.css`")
            && e.message.contains("themes/default/static/style.css"),
        "{e:?}"
    );
    let at_theme = r.error_at("themes/default/static/style.css");
    assert!(
        at_theme.message.contains("content/static/style.css"),
        "{at_theme:?}"
    );
    assert!(!site.public().exists(), "nothing is written");
}

#[test]
fn a_site_near_the_github_pages_limit_is_warned_about() {
    let site = Site::new();
    // Sparse: 801 MB (decimal, as the closing line counts) to the builder, nothing on the disk.
    let big = std::fs::File::create(site.path("content/files/archive.bin")).unwrap();
    big.set_len(801_000_000).unwrap();
    drop(big);
    let r = site.build_ok(&[]);
    let warning = r
        .diagnostics()
        .into_iter()
        .find(|d| d.severity == "warning" && d.message.contains("GitHub Pages"))
        .unwrap_or_else(|| panic!("no size warning: {r:?}"));
    assert!(
        warning.message.contains("the site weighs 80"),
        "{warning:#?}"
    );
    // Under the limit, no warning.
    site.remove("content/files/archive.bin");
    let r = site.build_ok(&[]);
    assert!(!r.stderr.contains("GitHub Pages"), "{r:?}");
}

#[test]
fn people_who_share_one_photo_file_build_from_a_cold_cache() {
    // The same picture saved under several names: each is published, though made once.
    let site = Site::new();
    let photo = noisy_png(900, 700);
    site.write("profiles/photos/alice.png", &photo);
    for (who, name) in [
        ("bob-bakirov", "Bob"),
        ("carol-karimova", "Carol"),
        ("dan-davudov", "Dan"),
    ] {
        site.write(format!("profiles/photos/{who}.png").as_str(), &photo);
        site.edit(
            &format!("profiles/{who}.md"),
            &format!("name: {name}"),
            &format!("photo: photos/{who}.png\nphoto_alt: {name} smiling\nname: {name}"),
        );
    }
    let out = site.built();
    let alice = std::fs::read(out.join("media/photos/alice.png")).unwrap();
    for who in ["bob-bakirov", "carol-karimova", "dan-davudov"] {
        let theirs = std::fs::read(out.join(format!("media/photos/{who}.png"))).unwrap();
        assert_eq!(theirs, alice, "{who}");
        let html = page(&out, &format!("people/{who}/index.html"));
        assert!(
            html.contains(&format!("media/photos/{who}.240w.png")),
            "{who}"
        );
    }
    // Made once, but published as four files, not four names of one: GitHub Pages refuses a site
    // archived with hard links in it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut seen = std::collections::HashMap::new();
        for entry in walkdir::WalkDir::new(&out) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let m = entry.metadata().unwrap();
                if let Some(other) = seen.insert((m.dev(), m.ino()), entry.path().to_path_buf()) {
                    panic!("{:?} and {other:?} are one file", entry.path());
                }
            }
        }
    }
}
