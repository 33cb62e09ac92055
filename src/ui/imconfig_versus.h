// Dear ImGui compile-time configuration for versus (IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: a 16-tool payload with long quotes can exceed 64K vertices in one draw list.
#define ImDrawIdx unsigned int
