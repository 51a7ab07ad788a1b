import type { PrismaClient } from '../../src/generated/prisma/client.js';

/** Ids of the seeded demo clinic's providers, services and locations, by short names. */
export async function demoIds(prisma: PrismaClient) {
  const [providers, services, locations, clinic] = await Promise.all([
    prisma.provider.findMany(), prisma.service.findMany(), prisma.location.findMany(), prisma.clinic.findUniqueOrThrow({ where: { slug: 'riverside' } }),
  ]);
  const provider = (part: string) => providers.find((p) => p.name.includes(part))!.id;
  const service = (code: string) => services.find((s) => s.code === code)!.id;
  return {
    clinicId: clinic.id,
    patel: provider('Patel'), garcia: provider('García'), khan: provider('Khan'), lee: provider('Lee'),
    followUp: service('follow-up'), newPatient: service('new-patient'), vaccination: service('vaccination'), physio: service('physio'),
    annual: service('annual-physical'), skinCheck: service('skin-check'), telehealth: service('telehealth'),
    downtown: locations.find((l) => l.name === 'Downtown')!.id, northside: locations.find((l) => l.name === 'Northside')!.id,
  };
}
