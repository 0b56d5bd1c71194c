const all = Uint8Array.from({ length: 256 }, (_, i) => i);
const labels = ['ibm866', 'cp866', 'latin2', 'iso-8859-3', 'iso_8859-5', 'arabic', 'greek', 'hebrew', 'iso-8859-8-i', 'latin6',
  'iso-8859-13', 'iso-8859-14', 'latin9', 'iso-8859-16', 'koi8-r', 'koi8-u', 'mac', 'dos-874', 'cp1250', 'cp1251', 'cp1252',
  'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257', 'cp1258', 'x-mac-cyrillic'];
for (const label of labels) {
  let decoder;
  try {
    decoder = new TextDecoder(label);
  } catch (e) {
    console.log(label, e.name, e.code);
    continue;
  }
  const text = decoder.decode(all);
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum * 31 + text.charCodeAt(i)) % 1000000007;
  console.log(label, decoder.encoding, text.length, sum, text.slice(160, 176));
  const streamed = new TextDecoder(label);
  console.log(' stream', streamed.decode(all.subarray(0, 200), { stream: true }) + streamed.decode(all.subarray(200)) === text);
  try {
    new TextDecoder(label, { fatal: true }).decode(all);
    console.log(' fatal ok');
  } catch (e) {
    console.log(' fatal', e.name, e.code, e.message);
  }
}
