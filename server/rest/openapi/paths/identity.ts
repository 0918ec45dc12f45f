// OpenAPI paths of API.md §2: authentication and the caller's profile.
import { z } from 'zod';
import { changePasswordInput, passwordResetConfirmInput, passwordResetRequestInput, meDto, refreshInput, registerInput, tokenInput, tokenPairDto, tokenResponseDto, updateMeInput, userDto } from '../../../domain/identity/user.schema';
import { operation } from '../operation';

const tags = ['Identity'];

export const identityPaths = {
  '/auth/token': { post: operation({ summary: 'Exchange credentials for tokens', tags, access: 'public', body: tokenInput, responses: { 200: { description: 'Token pair and user', schema: tokenResponseDto } } }) },
  '/auth/token/refresh': { post: operation({ summary: 'Rotate a refresh token', tags, access: 'public', body: refreshInput, responses: { 200: { description: 'New token pair', schema: tokenPairDto } } }) },
  '/auth/logout': { post: operation({ summary: 'Revoke a refresh token', tags, access: 'user', body: refreshInput, responses: { 204: { description: 'Revoked' } } }) },
  '/auth/register': { post: operation({ summary: 'Create an account', tags, access: 'public', body: registerInput, errors: ['conflict', 'forbidden'], responses: { 201: { description: 'The new user', schema: userDto } } }) },
  '/auth/change-password': { post: operation({ summary: "Change the caller's password", tags, access: 'user', body: changePasswordInput, responses: { 204: { description: 'Changed; other refresh tokens revoked' } } }) },
  '/auth/password-reset': {
    post: operation({
      summary: 'Email a password reset link',
      tags,
      access: 'public',
      body: passwordResetRequestInput,
      responses: { 202: { description: 'Accepted, whether or not the address has an account (a single-use link valid 1 h is emailed when it does)', schema: z.object({ message: z.string() }) } },
    }),
  },
  '/auth/password-reset/confirm': {
    post: operation({ summary: 'Set a new password with an emailed reset token', tags, access: 'public', body: passwordResetConfirmInput, errors: ['not_found', 'gone'], responses: { 204: { description: 'Changed; every session and refresh token of the user ended' } } }),
  },
  '/me': {
    get: operation({ summary: "The caller's profile", tags, access: 'authenticated', responses: { 200: { description: 'Profile', schema: meDto } } }),
    patch: operation({ summary: "Update the caller's profile", tags, access: 'user', body: updateMeInput, errors: ['conflict'], responses: { 200: { description: 'Profile', schema: meDto } } }),
  },
  '/me/image': {
    put: operation({
      summary: "Upload the caller's profile image: a whole JPEG, PNG or BMP of at most 8192 pixels a side and 24 megapixels (5 MB); one cut off, or whose header lies about its pixels, is refused (422)",
      tags,
      access: 'user',
      body: z.string(),
      bodyContentTypes: ['image/jpeg', 'image/png', 'image/bmp'],
      errors: ['payload_too_large', 'unsupported_media_type', 'validation_failed'],
      responses: { 200: { description: 'Image URL', schema: z.object({ image: z.string() }) } },
    }),
  },
};
