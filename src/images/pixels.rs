//! Decoding, turning, shrinking and encoding: the pixels alone go through, so nothing a camera or
//! an editor wrote beside them (EXIF with GPS, XMP, IPTC, comments) can reach the published file.

use std::io::Cursor;

/// 8-bit pixels, 3 channels (RGB) or 4 (RGBA, from a PNG with transparency).
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub channels: usize,
    pub data: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else {
            None
        }
    }
}

/// Decodes `bytes` and turns the picture upright as its EXIF orientation says.
pub fn decode(bytes: &[u8]) -> Result<(Format, Pixels), String> {
    let format = Format::sniff(bytes).ok_or("neither a JPEG nor a PNG file")?;
    let (pixels, exif) = match format {
        Format::Jpeg => decode_jpeg(bytes)?,
        Format::Png => decode_png(bytes)?,
    };
    if pixels.width == 0 || pixels.height == 0 {
        return Err("the image is empty".into());
    }
    let orientation = exif.as_deref().map(orientation).unwrap_or(1);
    Ok((format, orient(pixels, orientation)))
}

fn decode_jpeg(bytes: &[u8]) -> Result<(Pixels, Option<Vec<u8>>), String> {
    let mut d = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    let raw = d
        .decode()
        .map_err(|e| format!("the JPEG cannot be read: {e}"))?;
    let info = d.info().ok_or("the JPEG has no image")?;
    let exif = d.exif_data().map(<[u8]>::to_vec);
    let n = info.width as usize * info.height as usize;
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => raw,
        jpeg_decoder::PixelFormat::L8 => raw.iter().flat_map(|&g| [g, g, g]).collect(),
        jpeg_decoder::PixelFormat::L16 => raw
            .chunks_exact(2)
            .flat_map(|c| [c[0], c[0], c[0]])
            .collect(),
        jpeg_decoder::PixelFormat::CMYK32 => raw
            .chunks_exact(4)
            .flat_map(|c| {
                let k = 255 - c[3] as u32;
                let f = |v: u8| ((255 - v as u32) * k / 255) as u8;
                [f(c[0]), f(c[1]), f(c[2])]
            })
            .collect(),
    };
    if rgb.len() != n * 3 {
        return Err("the JPEG's pixels are incomplete".into());
    }
    let pixels = Pixels {
        width: info.width as u32,
        height: info.height as u32,
        channels: 3,
        data: rgb,
    };
    Ok((pixels, exif))
}

fn decode_png(bytes: &[u8]) -> Result<(Pixels, Option<Vec<u8>>), String> {
    let bad = |e: png::DecodingError| format!("the PNG cannot be read: {e}");
    let mut d = png::Decoder::new(Cursor::new(bytes));
    d.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = d.read_info().map_err(bad)?;
    let size = reader.output_buffer_size().ok_or("the PNG is too large")?;
    let mut buf = vec![0; size];
    let out = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(out.buffer_size());
    let exif = reader.info().exif_metadata.as_ref().map(|e| e.to_vec());
    use png::ColorType as C;
    let (channels, data) = match out.color_type {
        C::Rgb => (3, buf),
        C::Rgba => (4, buf),
        C::Grayscale => (3, buf.iter().flat_map(|&g| [g, g, g]).collect()),
        C::GrayscaleAlpha => (
            4,
            buf.chunks_exact(2)
                .flat_map(|c| [c[0], c[0], c[0], c[1]])
                .collect(),
        ),
        C::Indexed => return Err("the PNG's palette could not be expanded".into()),
    };
    let pixels = Pixels {
        width: out.width,
        height: out.height,
        channels,
        data,
    };
    Ok((pixels, exif))
}

/// The EXIF orientation (1 to 8), 1 when absent or unreadable.
fn orientation(exif: &[u8]) -> u32 {
    let Ok(e) = exif::Reader::new().read_raw(exif.to_vec()) else {
        return 1;
    };
    e.get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

/// Turns or mirrors the picture so that it stands as the camera meant (EXIF orientation).
pub fn orient(p: Pixels, orientation: u32) -> Pixels {
    if orientation == 1 {
        return p;
    }
    let (w, h) = (p.width as usize, p.height as usize);
    let swap = orientation >= 5;
    let (ow, oh) = if swap { (h, w) } else { (w, h) };
    let c = p.channels;
    let mut data = vec![0; p.data.len()];
    for y in 0..oh {
        for x in 0..ow {
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let (s, d) = ((sy * w + sx) * c, (y * ow + x) * c);
            data[d..d + c].copy_from_slice(&p.data[s..s + c]);
        }
    }
    Pixels {
        width: ow as u32,
        height: oh as u32,
        channels: c,
        data,
    }
}

/// Shrinks to `width` (height in proportion), each new pixel the mean of the area it covers.
pub fn resize(p: &Pixels, width: u32) -> Pixels {
    let height = ((p.height as u64 * width as u64 + p.width as u64 / 2) / p.width as u64).max(1);
    resize_to(p, width, height as u32)
}

pub fn resize_to(p: &Pixels, width: u32, height: u32) -> Pixels {
    let c = p.channels;
    let (sw, sh) = (p.width as usize, p.height as usize);
    let (dw, dh) = (width as usize, height as usize);
    // Rows first, then columns: two passes of one dimension each.
    let mut rows = vec![0f32; dw * sh * c];
    let xs = weights(sw, dw);
    for y in 0..sh {
        for (x, ws) in xs.iter().enumerate() {
            for ch in 0..c {
                let mut sum = 0.0;
                for &(sx, wgt) in ws {
                    sum += p.data[(y * sw + sx) * c + ch] as f32 * wgt;
                }
                rows[(y * dw + x) * c + ch] = sum;
            }
        }
    }
    let ys = weights(sh, dh);
    let mut data = vec![0u8; dw * dh * c];
    for (y, ws) in ys.iter().enumerate() {
        for x in 0..dw {
            for ch in 0..c {
                let mut sum = 0.0;
                for &(sy, wgt) in ws {
                    sum += rows[(sy * dw + x) * c + ch] * wgt;
                }
                data[(y * dw + x) * c + ch] = sum.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    Pixels {
        width,
        height,
        channels: c,
        data,
    }
}

/// For each destination pixel, the source pixels it covers and their share of it.
fn weights(src: usize, dst: usize) -> Vec<Vec<(usize, f32)>> {
    let scale = src as f32 / dst as f32;
    (0..dst)
        .map(|i| {
            let (a, b) = (i as f32 * scale, (i + 1) as f32 * scale);
            let mut ws = Vec::new();
            let mut s = a.floor() as usize;
            while (s as f32) < b && s < src {
                let cover = (b.min(s as f32 + 1.0) - a.max(s as f32)).max(0.0);
                if cover > 0.0 {
                    ws.push((s, cover / (b - a)));
                }
                s += 1;
            }
            if ws.is_empty() {
                ws.push((((a as usize).min(src - 1)), 1.0));
            }
            ws
        })
        .collect()
}

/// Portraits at this quality show no blocks at the sizes they are shown; above it the files
/// grow faster than the picture improves.
const JPEG_QUALITY: u8 = 72;

/// Encodes the pixels alone: no EXIF, XMP, IPTC or comment is written.
pub fn encode(p: &Pixels, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb: Vec<u8> = if p.channels == 4 {
                p.data
                    .chunks_exact(4)
                    .flat_map(|c| [c[0], c[1], c[2]])
                    .collect()
            } else {
                p.data.clone()
            };
            let w = u16::try_from(p.width).map_err(|_| "too wide for a JPEG")?;
            let h = u16::try_from(p.height).map_err(|_| "too tall for a JPEG")?;
            // The quantisation tables of ImageMagick (mozjpeg's default) and Huffman tables made
            // for the picture: about a fifth smaller than the standard's at the same look, which
            // is what lets 10,000 portraits fit in GitHub Pages' 1 GB.
            let mut e = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
            e.set_quantization_tables(
                jpeg_encoder::QuantizationTableType::ImageMagick,
                jpeg_encoder::QuantizationTableType::ImageMagick,
            );
            e.set_optimized_huffman_tables(true);
            e.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
            e.encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            let mut e = png::Encoder::new(&mut out, p.width, p.height);
            e.set_color(if p.channels == 4 {
                png::ColorType::Rgba
            } else {
                png::ColorType::Rgb
            });
            e.set_depth(png::BitDepth::Eight);
            e.set_compression(png::Compression::Balanced);
            let mut w = e.write_header().map_err(|e| e.to_string())?;
            w.write_image_data(&p.data).map_err(|e| e.to_string())?;
            w.finish().map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}
