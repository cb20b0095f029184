import type { OpenDisputeBody } from '../../../api/wire.js';

type Evidence = NonNullable<OpenDisputeBody['evidence']>[number];

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** A chosen file as the dispute route takes it: name, media type (octet-stream when the browser has none usable), base64 content. */
export async function readEvidence(file: File): Promise<Evidence> {
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? '';
  return {
    name: file.name.slice(0, 200) || 'evidence',
    mediaType: MEDIA_TYPE.test(type) ? type : 'application/octet-stream',
    contentBase64: base64(new Uint8Array(await file.arrayBuffer())),
  };
}
