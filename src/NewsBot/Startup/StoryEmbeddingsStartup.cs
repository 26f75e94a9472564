using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Pipeline.Match;

namespace NewsBot.Startup;

/// <summary>The optional story embedding model (NewsBot:Stories:Embeddings); nothing is registered while it is off.</summary>
public static class StoryEmbeddingsStartup
{
    /// <summary>Binds and validates the section; registers <see cref="StoryEmbeddings"/> when Endpoint and ModelId are set.</summary>
    public static IServiceCollection AddNewsBotStoryEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoryEmbeddingsOptions>().BindConfiguration(StoryEmbeddingsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoryEmbeddingsOptions>, StoryEmbeddingsOptionsValidator>();
        var model = configuration.GetSection(StoryEmbeddingsOptions.Section).Get<StoryEmbeddingsOptions>() ?? new();
        if (!model.Enabled) return services;
        services.AddSingleton(sp => new StoryEmbeddings(
            CreateGenerator(sp.GetRequiredService<IOptions<StoryEmbeddingsOptions>>().Value),
            sp.GetRequiredService<IOptions<StoryEmbeddingsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<StoryEmbeddings>>()));
        return services;
    }

    /// <summary>
    /// An embedding generator on the OpenAI-compatible endpoint. The client's own retries are off: a
    /// poll waits for one attempt within the timeout, and <see cref="StoryEmbeddingsCircuit"/> decides
    /// when to try again.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(StoryEmbeddingsOptions o) =>
        new OpenAI.OpenAIClient(
                new ApiKeyCredential(string.IsNullOrEmpty(o.ApiKey) ? "unused" : o.ApiKey),
                new OpenAI.OpenAIClientOptions
                {
                    Endpoint = new Uri(o.Endpoint!),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = o.Timeout,
                })
            .GetEmbeddingClient(o.ModelId)
            .AsIEmbeddingGenerator();
}
